-- Command-side tables of the deadlines, the automatic flagging rules and external referrals (never read by the
-- query side).

-- the schedule id that Axon's deadline manager gave each business deadline, so it is cancelled without a scan
create table deadline_schedule (
    deadline_key varchar(255) not null,
    schedule_id  varchar(255) not null,
    constraint deadline_schedule_pkey primary key (deadline_key)
);

-- the violations each flagging rule matched, per account, by detection time
create table rule_violation (
    rule_name    varchar(255)                not null,
    account_id   varchar(255)                not null,
    violation_id varchar(255)                not null,
    detected_at  timestamp(6) with time zone not null,
    constraint rule_violation_pkey primary key (rule_name, account_id, violation_id)
);

create index rule_violation_window_idx on rule_violation (rule_name, account_id, detected_at);

-- the violations that made a rule fire: a redelivered violation does not fire it again
create table rule_firing (
    rule_name    varchar(255) not null,
    account_id   varchar(255) not null,
    violation_id varchar(255) not null,
    constraint rule_firing_pkey primary key (rule_name, account_id, violation_id)
);

-- export-control violations by account, for the referral of a case escalated to T4_EXTERNAL_REFERRAL
create table lookup_export_violation (
    account_id   varchar(255) not null,
    violation_id varchar(255) not null,
    policy       varchar(255) not null,
    constraint lookup_export_violation_pkey primary key (account_id, violation_id)
);
