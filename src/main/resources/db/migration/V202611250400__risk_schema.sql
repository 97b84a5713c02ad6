-- Risk module: the collateral registry and the related-party register.
create schema if not exists risk;

-- One vehicle backs at most one active loan: the partial unique index makes the database the
-- referee when two registrations of the same VIN race.
create table risk.collateral_pledges (
    id            uuid        primary key,
    vin           char(17)    not null check (vin ~ '^[0-9A-HJ-NPR-Z]{17}$'),
    loan_id       uuid        not null,
    status        varchar(16) not null check (status in ('ACTIVE', 'RELEASED')),
    registered_at timestamptz not null,
    released_at   timestamptz,
    check ((status = 'RELEASED') = (released_at is not null))
);

create unique index collateral_pledges_one_active_per_vin
    on risk.collateral_pledges (vin) where status = 'ACTIVE';
create index collateral_pledges_loan on risk.collateral_pledges (loan_id);

-- People and companies related to the platform (shareholders, staff, their companies). Keyed by a
-- SHA-256 of the upper-cased ID number or credit code, so the register holds no identity numbers.
create table risk.related_parties (
    id           uuid         primary key,
    subject_hash char(64)     not null unique,
    name         varchar(100) not null,
    relation     varchar(200) not null,
    created_at   timestamptz  not null
);
