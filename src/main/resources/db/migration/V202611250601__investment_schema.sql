-- Investment module: listings, investments (freezes), holdings and auto-invest rules.
create schema if not exists investment;

-- One listing per approved application. raised_minor is the database's guard against overselling:
-- it is updated once per batch of accepted bids, under the CHECK raised <= amount, so two app nodes
-- writing batches for the same listing can never raise more than the amount together.
create table investment.listings (
    id                       uuid         primary key,
    application_id           uuid         not null unique,
    borrower_id              uuid         not null,
    title                    varchar(120) not null,
    product                  varchar(16)  not null,
    purpose                  varchar(32)  not null,
    grade                    char(1)      not null check (grade in ('A', 'B', 'C', 'D', 'E')),
    annual_rate_bps          int          not null check (annual_rate_bps > 0),
    term_months              int          not null check (term_months > 0),
    repayment_method         varchar(24)  not null,
    amount_minor             bigint       not null check (amount_minor > 0),
    raised_minor             bigint       not null default 0,
    min_investment_minor     bigint       not null check (min_investment_minor > 0),
    step_minor               bigint       not null check (step_minor > 0),
    partial_allowed          boolean      not null,
    opens_at                 timestamptz  not null,
    closes_at                timestamptz  not null,
    status                   varchar(12)  not null
        check (status in ('OPEN', 'FULL', 'FAILED', 'REPAYING', 'SETTLED', 'DEFAULTED')),
    upfront_fee_minor        bigint       not null check (upfront_fee_minor >= 0),
    monthly_fee_minor        bigint       not null check (monthly_fee_minor >= 0),
    investor_service_fee_bps int          not null check (investor_service_fee_bps between 0 and 10000),
    escrow_account_id        uuid         not null,
    borrower_summary         varchar(500) not null,
    collateral_summary       varchar(500),
    risk_summary             varchar(1000) not null,
    risks                    varchar(2000) not null,
    loan_id                  uuid,
    principal_minor          bigint,
    value_date               date,
    closed_at                timestamptz,
    created_at               timestamptz  not null,
    check (raised_minor >= 0 and raised_minor <= amount_minor),
    check (closes_at > opens_at),
    check ((loan_id is null) = (value_date is null))
);

create index listings_browse on investment.listings (status, annual_rate_bps desc, created_at desc);
create index listings_due on investment.listings (closes_at) where status = 'OPEN';
create index listings_borrower on investment.listings (borrower_id);

-- One row per accepted bid. The unique (investor, key) makes a repeated request a replay even when
-- two nodes receive it at once.
create table investment.investments (
    id                 uuid        primary key,
    listing_id         uuid        not null references investment.listings (id),
    investor_id        uuid        not null,
    account_id         uuid        not null,
    amount_minor       bigint      not null check (amount_minor > 0),
    status             varchar(10) not null check (status in ('FROZEN', 'ACTIVE', 'REFUNDED')),
    transfer_id        uuid        not null unique,
    source             varchar(6)  not null check (source in ('MANUAL', 'AUTO')),
    idempotency_key    varchar(64) not null,
    request_hash       char(64)    not null,
    created_at         timestamptz not null,
    unique (investor_id, idempotency_key)
);

create index investments_listing on investment.investments (listing_id);
create index investments_investor on investment.investments (investor_id, created_at desc);

-- One holding per investor and loan, with the exact principal (the sum of the investor's bids).
create table investment.holdings (
    id              uuid        primary key,
    listing_id      uuid        not null references investment.listings (id),
    loan_id         uuid        not null,
    investor_id     uuid        not null,
    account_id      uuid        not null,
    principal_minor bigint      not null check (principal_minor > 0),
    created_at      timestamptz not null,
    unique (listing_id, investor_id)
);

create index holdings_investor on investment.holdings (investor_id);

-- Auto-invest rules with their revocable authorisation (amount limit and expiry). joined_at orders
-- the fair queue; served_at rotates it.
create table investment.auto_invest_rules (
    investor_id          uuid        primary key,
    enabled              boolean     not null,
    min_rate_bps         int         not null check (min_rate_bps >= 0),
    max_rate_bps         int         not null check (max_rate_bps >= min_rate_bps),
    term_months_min      int         not null check (term_months_min > 0),
    term_months_max      int         not null check (term_months_max >= term_months_min),
    grades               varchar(10) not null,
    max_per_listing_minor bigint     not null check (max_per_listing_minor > 0),
    reserve_balance_minor bigint     not null check (reserve_balance_minor >= 0),
    authorised_limit_minor bigint    not null check (authorised_limit_minor > 0),
    authorised_until     date        not null,
    used_minor           bigint      not null default 0 check (used_minor >= 0),
    joined_at            timestamptz not null,
    served_at            timestamptz,
    updated_at           timestamptz not null
);

-- Auto-invest runs once per listing, before manual investors may bid: a node claims the run with a
-- conditional update (claimed_at; a claim older than the lease may be taken over after a crash)
-- and sets done when its bids are placed.
alter table investment.listings add column auto_invest_done boolean not null default false;
alter table investment.listings add column auto_invest_claimed_at timestamptz;
create index auto_invest_queue on investment.auto_invest_rules (served_at nulls first, joined_at)
    where enabled;
