-- Answers to requests sent with an Idempotency-Key, per principal: a retry gets the stored answer instead of a
-- second execution. request_hash tells a retry from a different request that reuses the key.
create table idempotency_keys (
    principal       varchar(255) not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    response_status int,
    response_body   text,
    created_at      timestamptz  not null default now(),
    primary key (principal, idempotency_key)
);

-- for expiring old keys
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
