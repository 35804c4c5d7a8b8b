-- Registry (花名册): the township, its party branches and their members (SPEC §2).
-- Portable SQL: runs on H2 and PostgreSQL.

create table township (
    code varchar(20)  not null primary key,
    name varchar(100) not null
);

create table party_branch (
    code             varchar(20)  not null primary key,
    township_code    varchar(20)  not null references township (code),
    name             varchar(100) not null,
    kind             varchar(30)  not null,
    parent_code      varchar(20)  references party_branch (code),
    secretary_user   varchar(64)  not null,
    secretary_name   varchar(50)  not null,
    secretary_email  varchar(120),
    liaison_user     varchar(64)  not null,
    liaison_name     varchar(50)  not null,
    liaison_email    varchar(120),
    area_chief_user  varchar(64),
    area_chief_name  varchar(50),
    area_chief_email varchar(120),
    active           boolean      not null
);

create table party_member (
    id                varchar(32)  not null primary key,
    branch_code       varchar(20)  not null references party_branch (code),
    party_group       varchar(50),
    name              varchar(50)  not null,
    gender            varchar(2)   not null,
    birth_year        integer      not null,
    joined_on         date         not null,
    status            varchar(20)  not null,
    leading_cadre     boolean      not null,
    floating_out      boolean      not null,
    inflow_org        varchar(120),
    floating_in       boolean      not null,
    home_org          varchar(120),
    newly_admitted    boolean      not null,
    transferred_in    boolean      not null,
    hardship          boolean      not null,
    elderly           boolean      not null,
    sanction          varchar(30)  not null,
    sanction_on       date,
    probation_ends_on date
);

create index ix_party_member_branch on party_member (branch_code);
create index ix_party_branch_secretary on party_branch (secretary_user);
create index ix_party_branch_liaison on party_branch (liaison_user);
