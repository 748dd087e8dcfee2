-- Audit trail (query side, processing group "audit"): one row per stored event, hash-chained in global_index order.
-- position is the event's global_index. payload and meta_data are the stored event's bytes as UTF-8 text, unchanged
-- (text rather than jsonb: jsonb would reorder keys and drop the exact bytes the hash covers). Rows are inserted by
-- the projection and, when an event commits late below existing rows, the rows above it get new hash links; nothing
-- else writes here. Rebuilt by replaying the "audit" processor.
create table audit_entry (
    position        bigint                      not null,
    event_id        varchar(255)                not null,
    type            varchar(255)                not null,
    payload_type    varchar(255)                not null,
    occurred_at     timestamp(6) with time zone not null,
    actor           varchar(255),
    actor_roles     varchar(1023),
    aggregate_type  varchar(255),
    aggregate_id    varchar(255)                not null,
    sequence_number bigint                      not null,
    reason          text,
    correlation_id  varchar(255),
    causation_id    varchar(255),
    payload         text                        not null,
    meta_data       text,
    hash            char(64)                    not null,
    previous_hash   char(64)                    not null,
    constraint audit_entry_pkey primary key (position),
    constraint audit_entry_event_id_key unique (event_id)
);

-- per-account and per-case trails, in event order
create index audit_entry_aggregate_idx on audit_entry (aggregate_id, aggregate_type, position);
-- the global trail's filters; each ends in position so the page comes out of the index in event order
create index audit_entry_occurred_at_idx on audit_entry (occurred_at, position);
create index audit_entry_actor_idx on audit_entry (actor, position);
create index audit_entry_type_idx on audit_entry (type, position);
