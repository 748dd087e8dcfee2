-- Export controls (command side, io.warden.command.screening / organization / exportcontrol).
-- Never read by the query side. Written in the transaction of the events they follow, except the list entries,
-- which are reference data written beside their import's event.

-- every imported version of a restricted-party list; old versions stay for audit (which entry matched when)
create table screening_list_entry (
    import_id  varchar(64)  not null,
    entry_id   varchar(255) not null,
    source     text         not null,
    type       varchar(64)  not null,
    name       text         not null,
    alt_names  text         not null,
    programs   text         not null,
    addresses  text         not null,
    countries  varchar(255) not null,
    constraint screening_list_entry_pkey primary key (import_id, entry_id)
);

create table screening_import (
    import_id   varchar(64)  not null,
    list_id     varchar(64)  not null,
    source      text         not null,
    rows        integer      not null,
    rejected    integer      not null,
    checksum    varchar(64)  not null,
    imported_by varchar(255) not null,
    imported_at timestamp(6) with time zone not null,
    constraint screening_import_pkey primary key (import_id)
);
create index screening_import_list_idx on screening_import (list_id, imported_at);

-- the active version of each list: one row, switched in the import's transaction
create table screening_active_list (
    list_id   varchar(64) not null,
    import_id varchar(64) not null,
    constraint screening_active_list_pkey primary key (list_id)
);

-- what each account is screened as
create table screening_subject (
    account_id      varchar(255) not null,
    organization    text         not null,
    organization_id varchar(255),
    country         varchar(8),
    constraint screening_subject_pkey primary key (account_id)
);
create index screening_subject_organization_idx on screening_subject (organization_id);

-- the ownership graph
create table export_organization (
    organization_id      varchar(255) not null,
    name                 text         not null,
    headquarters_country varchar(8)   not null,
    constraint export_organization_pkey primary key (organization_id)
);

create table export_ownership_stake (
    organization_id       varchar(255)  not null,
    owner_organization_id varchar(255)  not null,
    percent               numeric(9, 4) not null,
    constraint export_ownership_stake_pkey primary key (organization_id, owner_organization_id)
);
create index export_ownership_stake_owner_idx on export_ownership_stake (owner_organization_id);

-- the current restriction of each organization that was ever restricted
create table export_organization_control (
    organization_id varchar(255)     not null,
    restricted      boolean          not null,
    restriction     integer          not null,
    share           double precision not null,
    control_paths   text             not null,
    constraint export_organization_control_pkey primary key (organization_id)
);
