-- Origination: loan products, applications, their documents, status history and review decisions.
-- Personal fields of the form (plate, registration certificate, legal representative, address) are
-- never stored in clear: only masked for screens, and the address as a SHA-256 for the
-- duplicate-identity signal. The borrower's ID number stays in identity and is read when screening.
create schema if not exists origination;

create table origination.loan_products (
    product                  varchar(16)  primary key check (product in ('CREDIT', 'CAR', 'BUSINESS')),
    min_amount_minor         bigint       not null check (min_amount_minor > 0),
    max_amount_minor         bigint       not null,
    terms_months             varchar(100) not null check (terms_months ~ '^[0-9]{1,3}(,[0-9]{1,3})*$'),
    repayment_methods        varchar(200) not null,
    upfront_fee_bps          integer      not null check (upfront_fee_bps between 0 and 1000),
    monthly_fee_bps          integer      not null check (monthly_fee_bps between 0 and 100),
    investor_service_fee_bps integer      not null check (investor_service_fee_bps between 0 and 5000),
    funding_period_days      integer      not null check (funding_period_days between 1 and 30),
    partial_funding_allowed  boolean      not null,
    min_investment_minor     bigint       not null check (min_investment_minor > 0),
    investment_step_minor    bigint       not null check (investment_step_minor > 0),
    enabled                  boolean      not null default true,
    updated_at               timestamptz  not null,
    updated_by               uuid,
    check (max_amount_minor >= min_amount_minor)
);

insert into origination.loan_products values
    ('CREDIT', 100000, 20000000, '3,6,12,24,36', 'EQUAL_INSTALLMENT,EQUAL_PRINCIPAL',
     0, 0, 1000, 7, false, 5000, 5000, true, now(), null),
    ('CAR', 1000000, 20000000, '6,12,24,36', 'EQUAL_INSTALLMENT,INTEREST_FIRST',
     0, 5, 1000, 7, false, 5000, 5000, true, now(), null),
    ('BUSINESS', 5000000, 100000000, '6,12,24', 'EQUAL_INSTALLMENT,INTEREST_FIRST,BULLET',
     50, 0, 1000, 10, true, 5000, 5000, true, now(), null);

-- Every change of a product's settings, by whom, before and after (audit).
create table origination.loan_product_changes (
    id         uuid        primary key,
    product    varchar(16) not null references origination.loan_products (product),
    changed_by uuid        not null,
    changed_at timestamptz not null,
    before     text        not null,
    after      text        not null
);

create table origination.applications (
    id                    uuid         primary key,
    borrower_id           uuid         not null,
    product               varchar(16)  not null references origination.loan_products (product),
    borrower_type         varchar(16)  not null check (borrower_type in ('PERSON', 'COMPANY')),
    status                varchar(16)  not null check (status in
        ('SUBMITTED', 'SCREENING', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'LISTED', 'CANCELLED')),
    amount_minor          bigint       not null check (amount_minor > 0),
    term_months           integer      not null check (term_months > 0),
    repayment_method      varchar(24)  not null,
    purpose               varchar(32)  not null,
    monthly_income_minor  bigint       not null check (monthly_income_minor >= 0),
    monthly_debt_minor    bigint       not null check (monthly_debt_minor >= 0),
    savings_minor         bigint       check (savings_minor >= 0),
    employment_months     integer      check (employment_months >= 0),
    checking_account      varchar(24)  not null,
    housing               varchar(8)   not null,
    job                   varchar(40)  not null,
    property              varchar(16)  not null,
    other_party           varchar(16)  not null,
    address_hash          char(64),
    device_hash           char(64),
    vin                   char(17)     check (vin ~ '^[0-9A-HJ-NPR-Z]{17}$'),
    plate_masked          varchar(20),
    certificate_masked    varchar(40),
    estimated_value_minor bigint       check (estimated_value_minor > 0),
    collateral_pledged    boolean      not null default false,
    credit_code           char(18),
    annual_revenue_minor  bigint       check (annual_revenue_minor >= 0),
    legal_rep_masked      varchar(40),
    risk_report           text,
    decision              varchar(16),
    grade                 char(1),
    score                 integer,
    refusal_codes         varchar(400),
    maker_id              uuid,
    maker_rate_bps        integer,
    approved_rate_bps     integer,
    listing_id            uuid,
    screening_attempts    integer      not null default 0,
    next_screening_at     timestamptz,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    check ((product = 'CAR') = (vin is not null)),
    check ((product = 'BUSINESS') = (credit_code is not null)),
    check ((status = 'LISTED') = (listing_id is not null)),
    check (status not in ('APPROVED', 'LISTED') or approved_rate_bps is not null)
);

create index applications_borrower on origination.applications (borrower_id, created_at desc);
create index applications_status on origination.applications (status, created_at);
create index applications_screening_due on origination.applications (next_screening_at)
    where status in ('SUBMITTED', 'SCREENING');
create index applications_address on origination.applications (address_hash) where address_hash is not null;
create index applications_device on origination.applications (device_hash) where device_hash is not null;

-- The borrower-visible timeline: every status an application went through.
create table origination.application_history (
    id             uuid        primary key,
    application_id uuid        not null references origination.applications (id),
    status         varchar(16) not null,
    note           varchar(400),
    actor_id       uuid,
    at             timestamptz not null
);
create index application_history_app on origination.application_history (application_id, at);

-- Risk officers' decisions and comments (audit). One approval per officer per application: the
-- database, too, refuses the same officer approving twice (maker-checker).
create table origination.review_decisions (
    id             uuid         primary key,
    application_id uuid         not null references origination.applications (id),
    officer_id     uuid         not null,
    decision       varchar(8)   not null check (decision in ('APPROVE', 'REJECT')),
    comment        varchar(2000) not null,
    annual_rate_bps integer,
    at             timestamptz  not null
);
create unique index review_decisions_one_approval_per_officer
    on origination.review_decisions (application_id, officer_id) where decision = 'APPROVE';

create table origination.documents (
    id             uuid         primary key,
    application_id uuid         not null references origination.applications (id),
    kind           varchar(24)  not null,
    file_name      varchar(120) not null,
    content_type   varchar(40)  not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     integer      not null check (size_bytes > 0),
    sha256         char(64)     not null,
    content        bytea        not null,
    uploaded_by    uuid         not null,
    uploaded_at    timestamptz  not null
);
create index documents_app on origination.documents (application_id, uploaded_at);
