-- Campaign takedowns (issue 4, item 1).

-- Command side: which case owns a takedown and who requested and approved it. Written with the case's events
-- (LookupMaintainer); each account of the takedown checks the approval it is given against this row, and the
-- approval endpoints find the case of a takedown by its id here.
create table lookup_takedown (
    enforcement_id varchar(255) not null,
    case_id        varchar(255) not null,
    action         varchar(32)  not null,
    requested_by   varchar(255) not null,
    approved_by    varchar(255),
    started        boolean      not null,
    constraint lookup_takedown_pkey primary key (enforcement_id)
);

-- Query side: the takedown view (io.warden.query.takedowns), rebuilt by replaying the "takedowns" processor.
create table takedown_view (
    enforcement_id varchar(255) not null,
    case_id        varchar(255) not null,
    action         varchar(32)  not null,
    reason         text         not null,
    status         varchar(32)  not null,
    total          bigint       not null,
    done           bigint       not null,
    skipped        bigint       not null,
    failed         bigint       not null,
    requested_by   varchar(255) not null,
    approved_by    varchar(255),
    rejected_by    varchar(255),
    requested_at   timestamp(6) with time zone not null,
    started_at     timestamp(6) with time zone,
    completed_at   timestamp(6) with time zone,
    version        bigint       not null,
    constraint takedown_view_pkey primary key (enforcement_id)
);
create index takedown_view_case_idx on takedown_view (case_id);

-- the first skips and failures of each takedown, with account and reason (the counts are in takedown_view)
create table takedown_account_outcome (
    enforcement_id varchar(255) not null,
    account_id     varchar(255) not null,
    outcome        varchar(16)  not null,
    reason         text         not null,
    position       bigint       not null,
    constraint takedown_account_outcome_pkey primary key (enforcement_id, outcome, account_id)
);
