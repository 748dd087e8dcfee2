-- The reporting read model's record of recorded SLA breaches and external referrals (CaseSlaBreachedEvent,
-- CaseReferredExternallyEvent). Written idempotently by the reporting projection.

create table report_case_sla_breach (
    case_id  varchar(255)                not null,
    severity varchar(255)                not null,
    deadline timestamp(6) with time zone not null,
    constraint report_case_sla_breach_pkey primary key (case_id)
);

create table report_referred_violation (
    account_id   varchar(255)                not null,
    violation_id varchar(255)                not null,
    referral_id  varchar(255)                not null,
    case_id      varchar(255)                not null,
    referred_at  timestamp(6) with time zone not null,
    constraint report_referred_violation_pkey primary key (account_id, violation_id, referral_id)
);

create index report_referred_violation_referral_idx on report_referred_violation (referral_id);
