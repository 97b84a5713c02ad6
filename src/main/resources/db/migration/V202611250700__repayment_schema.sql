-- Repayment: loans, their schedules, the holders' schedules, repayments, the end-of-day runs and
-- the collections log. Amounts are fen (bigint); no balance is stored here (the ledger has them).
CREATE SCHEMA IF NOT EXISTS repayment;

CREATE TABLE repayment.loans (
    loan_id            uuid PRIMARY KEY,
    listing_id         uuid        NOT NULL,
    borrower_id        uuid        NOT NULL,
    principal_minor    bigint      NOT NULL CHECK (principal_minor > 0),
    annual_rate_bps    int         NOT NULL CHECK (annual_rate_bps >= 0),
    term_months        int         NOT NULL CHECK (term_months BETWEEN 1 AND 360),
    method             text        NOT NULL,
    value_date         date        NOT NULL,
    escrow_account     uuid        NOT NULL,
    borrower_account   uuid        NOT NULL,
    monthly_fee_minor  bigint      NOT NULL CHECK (monthly_fee_minor >= 0),
    service_fee_bps    int         NOT NULL CHECK (service_fee_bps BETWEEN 0 AND 10000),
    status             text        NOT NULL CHECK (status IN ('REPAYING', 'SETTLED', 'DEFAULTED')),
    days_overdue       int         NOT NULL DEFAULT 0,
    bucket             text        NOT NULL DEFAULT 'CURRENT',
    settled_on         date,
    created_at         timestamptz NOT NULL
);
CREATE INDEX loans_borrower ON repayment.loans (borrower_id);

CREATE TABLE repayment.installments (
    loan_id              uuid   NOT NULL REFERENCES repayment.loans (loan_id),
    number               int    NOT NULL CHECK (number >= 1),
    due_date             date   NOT NULL,
    principal_minor      bigint NOT NULL CHECK (principal_minor >= 0),
    interest_minor       bigint NOT NULL CHECK (interest_minor >= 0),
    fee_minor            bigint NOT NULL CHECK (fee_minor >= 0),
    service_fee_minor    bigint NOT NULL CHECK (service_fee_minor >= 0 AND service_fee_minor <= interest_minor),
    penalty_minor        bigint NOT NULL DEFAULT 0 CHECK (penalty_minor >= 0),
    penalty_accrued_to   date,
    paid_principal_minor bigint NOT NULL DEFAULT 0,
    paid_interest_minor  bigint NOT NULL DEFAULT 0,
    paid_fee_minor       bigint NOT NULL DEFAULT 0,
    paid_penalty_minor   bigint NOT NULL DEFAULT 0,
    status               text   NOT NULL DEFAULT 'SCHEDULED'
        CHECK (status IN ('SCHEDULED', 'OVERDUE', 'PAID')),
    paid_on              date,
    PRIMARY KEY (loan_id, number),
    CHECK (paid_principal_minor BETWEEN 0 AND principal_minor),
    CHECK (paid_interest_minor BETWEEN 0 AND interest_minor),
    CHECK (paid_fee_minor BETWEEN 0 AND fee_minor),
    CHECK (paid_penalty_minor BETWEEN 0 AND penalty_minor)
);
CREATE INDEX installments_open_due ON repayment.installments (due_date) WHERE status <> 'PAID';

CREATE TABLE repayment.holdings (
    holding_id       uuid PRIMARY KEY,
    loan_id          uuid   NOT NULL REFERENCES repayment.loans (loan_id),
    investor_id      uuid   NOT NULL,
    investor_account uuid   NOT NULL,
    principal_minor  bigint NOT NULL CHECK (principal_minor > 0),
    position         int    NOT NULL,
    UNIQUE (loan_id, position)
);
CREATE INDEX holdings_investor ON repayment.holdings (investor_id);

-- Each holding's part of each installment (largest remainder; the parts add up to the
-- installment's principal and to its interest after the service fee, exactly).
CREATE TABLE repayment.holder_installments (
    loan_id         uuid   NOT NULL,
    number          int    NOT NULL,
    holding_id      uuid   NOT NULL REFERENCES repayment.holdings (holding_id),
    due_date        date   NOT NULL,
    principal_minor bigint NOT NULL CHECK (principal_minor >= 0),
    interest_minor  bigint NOT NULL CHECK (interest_minor >= 0),
    penalty_minor   bigint NOT NULL DEFAULT 0 CHECK (penalty_minor >= 0),
    paid_on         date,
    PRIMARY KEY (loan_id, number, holding_id),
    FOREIGN KEY (loan_id, number) REFERENCES repayment.installments (loan_id, number)
);
CREATE INDEX holder_installments_holding ON repayment.holder_installments (holding_id);

CREATE TABLE repayment.repayments (
    repayment_id    uuid PRIMARY KEY,
    loan_id         uuid        NOT NULL REFERENCES repayment.loans (loan_id),
    borrower_id     uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    penalty_minor   bigint      NOT NULL,
    fee_minor       bigint      NOT NULL,
    interest_minor  bigint      NOT NULL,
    principal_minor bigint      NOT NULL,
    early_fee_minor bigint      NOT NULL DEFAULT 0,
    kind            text        NOT NULL,
    business_date   date        NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (borrower_id, idempotency_key)
);

-- One row per business date: the claim that makes the run cluster-safe and resumable.
CREATE TABLE repayment.eod_runs (
    business_date date PRIMARY KEY,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'BLOCKED', 'CLOSED')),
    owner         text        NOT NULL,
    lease_until   timestamptz NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    collected     int         NOT NULL DEFAULT 0,
    distributed   int         NOT NULL DEFAULT 0,
    detail        text
);

CREATE TABLE repayment.collection_log (
    entry_id       uuid PRIMARY KEY,
    loan_id        uuid        NOT NULL REFERENCES repayment.loans (loan_id),
    operator_id    uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('CONTACT_ATTEMPT', 'PROMISE_TO_PAY')),
    note           text        NOT NULL,
    promised_date  date,
    promised_minor bigint CHECK (promised_minor IS NULL OR promised_minor > 0),
    created_at     timestamptz NOT NULL
);
CREATE INDEX collection_log_loan ON repayment.collection_log (loan_id, created_at);
