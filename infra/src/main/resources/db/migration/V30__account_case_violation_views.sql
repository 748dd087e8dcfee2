-- Read models of accounts, cases and violations (query side; each group rebuilt by replaying its processor:
-- account-views, case-views, violation-views). The account and case views keep their whole state as a JSON
-- document in "state" and copy into columns only what lists filter and sort by.

create table account_view (
    account_id      varchar(255) primary key,
    organization    varchar(255),
    organization_id varchar(255),
    country         varchar(255),
    tier            varchar(32),
    status          varchar(32)  not null,
    version         bigint       not null,
    violation_count integer      not null,
    active_actions  integer      not null,
    registered_at   timestamp(6) with time zone,
    state           text         not null
);
create index account_view_status_idx on account_view (status, account_id);
create index account_view_country_idx on account_view (country, account_id);
create index account_view_tier_idx on account_view (tier, account_id);

-- the violations of each account as its view lists them (kept out of the JSON document: an account may have
-- thousands, and the document is rewritten with every event)
create table account_violation (
    account_id       varchar(255) not null,
    violation_id     varchar(255) not null,
    category         varchar(32)  not null,
    policy           varchar(255) not null,
    severity         varchar(32)  not null,
    detected_at      timestamp(6) with time zone not null,
    recorded_at      timestamp(6) with time zone not null,
    detector         varchar(255),
    evidence_summary text,
    recorded_seq     bigint       not null,
    primary key (account_id, violation_id)
);
create index account_violation_order_idx on account_violation (account_id, recorded_seq);

-- which cases each account is linked to (account-views' copy, so the account list can filter by case)
create table account_case_link (
    case_id    varchar(255) not null,
    account_id varchar(255) not null,
    linked_at  timestamp(6) with time zone not null,
    primary key (case_id, account_id)
);
create index account_case_link_account_idx on account_case_link (account_id, linked_at);

create table case_view (
    case_id      varchar(255) primary key,
    title        varchar(255),
    category     varchar(32),
    severity     varchar(32),
    status       varchar(32),
    tier         varchar(32),
    assignee     varchar(255),
    opened_at    timestamp(6) with time zone,
    linked_count bigint       not null,
    version      bigint       not null,
    state        text         not null
);
create index case_view_status_idx on case_view (status, opened_at);
create index case_view_tier_idx on case_view (tier, opened_at);
create index case_view_severity_idx on case_view (severity, opened_at);
create index case_view_assignee_idx on case_view (assignee, opened_at);

-- the accounts of each case with the sequence number of the linking event (case-views' copy; it pages the ids
-- and answers point-in-time by sequence)
create table case_account_link (
    case_id    varchar(255) not null,
    account_id varchar(255) not null,
    linked_seq bigint       not null,
    linked_at  timestamp(6) with time zone not null,
    primary key (case_id, account_id)
);
create index case_account_link_order_idx on case_account_link (case_id, linked_seq, account_id);

create table violation_view (
    violation_id      varchar(255) primary key,
    account_id        varchar(255) not null,
    category          varchar(32)  not null,
    policy            varchar(255) not null,
    severity          varchar(32)  not null,
    detected_at       timestamp(6) with time zone not null,
    recorded_at       timestamp(6) with time zone not null,
    detector          varchar(255),
    evidence_summary  text,
    confidence        double precision,
    interaction_count bigint,
    source_country    varchar(8),
    first_actioned_at timestamp(6) with time zone
);
create index violation_view_account_idx on violation_view (account_id);
create index violation_view_order_idx on violation_view (detected_at, violation_id);
create index violation_view_category_idx on violation_view (category, policy, detected_at, violation_id);
create index violation_view_policy_idx on violation_view (policy, detected_at, violation_id);
-- the compliance gap, kept small: only violations nothing has acted on
create index violation_view_unactioned_idx on violation_view (detected_at, violation_id) where first_actioned_at is null;

create table violation_citation (
    violation_id     varchar(255) not null,
    action_id        varchar(255) not null,
    account_id       varchar(255) not null,
    kind             varchar(32)  not null,
    restriction_kind varchar(32),
    reason           text,
    imposed_by       varchar(255),
    approved_by      varchar(255),
    imposed_at       timestamp(6) with time zone not null,
    imposed_seq      bigint       not null,
    state            varchar(32)  not null,
    ended_at         timestamp(6) with time zone,
    primary key (violation_id, action_id)
);
create index violation_citation_action_idx on violation_citation (account_id, action_id);
create index violation_citation_flag_idx on violation_citation (account_id, kind, state);

create table violation_account_version (
    account_id varchar(255) primary key,
    version    bigint not null
);
