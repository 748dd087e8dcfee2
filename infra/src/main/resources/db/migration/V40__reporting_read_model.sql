-- Read model of the dashboard and the compliance report (query side, processing group "reporting"; rebuilt by
-- replaying it). Shaped for those two questions only: counters the dashboard reads whole, per-account and per-case
-- facts for statuses, SLAs and time to first action, and one row per violation and per action for the report.

-- Per account: the facts its status is derived from, and the aggregate sequence number last applied, which makes
-- every account event idempotent (a redelivered event has a sequence number not above it).
create table report_account (
    account_id            varchar(255) primary key,
    organization          varchar(255) not null,
    organization_id       varchar(255),
    country               varchar(16)  not null,
    tier                  varchar(32)  not null,
    flag_action_id        varchar(255),
    active_restrictions   integer      not null default 0,
    suspension_action_id  varchar(255),
    ban_action_id         varchar(255),
    status                varchar(32)  not null,
    first_violation_at    timestamp(6) with time zone,
    first_enforced_at     timestamp(6) with time zone,
    -- set once, at the first enforcement, when a violation was recorded before it
    time_to_action_ms     bigint,
    last_sequence         bigint       not null
);
create index report_account_time_to_action_idx on report_account (time_to_action_ms) where time_to_action_ms is not null;
create index report_account_awaiting_action_idx on report_account (account_id)
    where first_violation_at is not null and first_enforced_at is null;

-- Per case: what its SLA and the open-case counters need; last_sequence as for accounts.
create table report_case (
    case_id        varchar(255) primary key,
    category       varchar(32)  not null,
    severity       varchar(32)  not null,
    tier           varchar(32)  not null,
    opened_at      timestamp(6) with time zone not null,
    resolved_at    timestamp(6) with time zone,
    outcome        varchar(32),
    last_sequence  bigint       not null
);
create index report_case_open_idx on report_case (severity, opened_at) where resolved_at is null;

-- First enforcement citing a case (grounds.caseId). Its own table because it comes from account events, which may
-- be projected before the case's own events on another segment; least() keeps it exact under any order.
create table report_case_enforcement (
    case_id            varchar(255) primary key,
    first_enforced_at  timestamp(6) with time zone not null
);

create table report_case_link (
    account_id  varchar(255) not null,
    case_id     varchar(255) not null,
    constraint report_case_link_pkey primary key (account_id, case_id)
);

create table report_violation (
    account_id       varchar(255) not null,
    violation_id     varchar(255) not null,
    organization     varchar(255) not null,
    organization_id  varchar(255),
    country          varchar(16)  not null,
    category         varchar(32)  not null,
    policy           varchar(255) not null,
    severity         varchar(32)  not null,
    detected_at      timestamp(6) with time zone not null,
    recorded_at      timestamp(6) with time zone not null,
    constraint report_violation_pkey primary key (account_id, violation_id)
);
-- the report reads a period in (detectedAt, violationId) order, page after page
create index report_violation_period_idx on report_violation (detected_at, violation_id, account_id);
create index report_violation_category_period_idx on report_violation (category, detected_at, violation_id, account_id);

-- Actions in force or once in force: flags, restrictions, suspensions and approved bans (never mere proposals).
create table report_action (
    account_id   varchar(255) not null,
    action_id    varchar(255) not null,
    kind         varchar(32)  not null,
    taken_at     timestamp(6) with time zone not null,
    taken_by     varchar(255),
    approved_by  varchar(255),
    case_id      varchar(255),
    ended_at     timestamp(6) with time zone,
    constraint report_action_pkey primary key (account_id, action_id)
);
create index report_action_case_grounded_idx on report_action (account_id) where case_id is not null;

create table report_action_violation (
    account_id    varchar(255) not null,
    violation_id  varchar(255) not null,
    action_id     varchar(255) not null,
    constraint report_action_violation_pkey primary key (account_id, violation_id, action_id)
);

-- Dashboard counters: (metric, bucket) -> count, e.g. ('accounts_by_status', 'BANNED').
create table report_counter (
    metric  varchar(64)  not null,
    bucket  varchar(255) not null,
    count   bigint       not null,
    constraint report_counter_pkey primary key (metric, bucket)
);

create table report_actions_per_day (
    day    date        not null,
    kind   varchar(32) not null,
    count  bigint      not null,
    constraint report_actions_per_day_pkey primary key (day, kind)
);
