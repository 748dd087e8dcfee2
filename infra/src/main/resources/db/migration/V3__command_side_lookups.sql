-- Set-based facts the command side checks and no single aggregate knows (io.warden.command.lookup).
-- Written in the transaction of the command whose events establish them; never read by the query side.

create table lookup_registered_account (
    account_id varchar(255) not null,
    constraint lookup_registered_account_pkey primary key (account_id)
);

create table lookup_case_account (
    case_id    varchar(255) not null,
    account_id varchar(255) not null,
    constraint lookup_case_account_pkey primary key (case_id, account_id)
);

-- "is this account linked to that case" is asked from the account's side
create index lookup_case_account_account_idx on lookup_case_account (account_id);

-- which account an enforcement proposal or an appeal belongs to, so a command naming only its id finds the aggregate
create table lookup_resource_owner (
    resource_id varchar(255) not null,
    account_id  varchar(255) not null,
    constraint lookup_resource_owner_pkey primary key (resource_id)
);
