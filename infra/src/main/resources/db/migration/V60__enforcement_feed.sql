-- The enforcement feed (query side, processor "enforcement-feed", one segment): decisions in force, in the order
-- the processor handled them, for gateways. position is the feed's own cursor (1, 2, 3, ...): a gateway resumes
-- with after=<position>. It is not the global index, because an event whose transaction committed late arrives after
-- events with higher global indices; a cursor on global_index would make a gateway that had read past it miss it.
create table enforcement_feed (
    position         bigint primary key,
    global_index     bigint                      not null,
    event_id         varchar(255)                not null,
    type             varchar(32)                 not null,
    account_id       varchar(255)                not null,
    action_id        varchar(255),
    kind             varchar(32),
    status_after     varchar(32)                 not null,
    occurred_at      timestamp(6) with time zone not null,
    restriction_kind varchar(32),
    expires_at       timestamp(6) with time zone,
    ended_action_ids text,
    constraint enforcement_feed_event_key unique (event_id)
);
create index enforcement_feed_account_idx on enforcement_feed (account_id, position);

-- What the feed processor needs to state each account's status after a decision (the aggregate's precedence rule).
create table enforcement_feed_account (
    account_id           varchar(255) primary key,
    flagged              boolean      not null,
    restriction_ids      text         not null,
    suspension_action_id varchar(255),
    ban_action_id        varchar(255)
);
