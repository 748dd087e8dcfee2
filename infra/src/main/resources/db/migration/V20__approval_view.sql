-- Read model of four-eyes proposals (query side, rebuilt by replaying the "approvals" processor).
create table approval_view (
    action_id     varchar(255) primary key,
    account_id    varchar(255) not null,
    action        varchar(32)  not null,
    reason        text         not null,
    violation_ids text         not null,
    case_id       varchar(255),
    proposed_by   varchar(255) not null,
    proposed_at   timestamp(6) with time zone not null,
    expires_at    timestamp(6) with time zone not null,
    status        varchar(32)  not null,
    decided_by    varchar(255),
    decided_at    timestamp(6) with time zone,
    comment       text
);
create index approval_view_status_idx on approval_view (status, proposed_at);
