-- Read model of organizations (query side, io.warden.query.organizations, processing group "organizations").
create table organization_view (
    organization_id          varchar(255)     not null,
    name                     text             not null,
    headquarters_country     varchar(8)       not null,
    unsupported_region_share double precision not null,
    restricted               boolean          not null,
    control_paths            text             not null,
    version                  bigint           not null,
    constraint organization_view_pkey primary key (organization_id)
);

create table organization_owner_view (
    organization_id       varchar(255)  not null,
    owner_organization_id varchar(255)  not null,
    percent               numeric(9, 4) not null,
    constraint organization_owner_view_pkey primary key (organization_id, owner_organization_id)
);
