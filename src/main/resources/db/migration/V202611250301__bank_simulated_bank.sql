-- The simulated custodian bank's own books, as if it were another system. Only the simulated
-- adapter reads or writes this schema. Card numbers and identity numbers are kept as hashes.

CREATE SCHEMA IF NOT EXISTS banksim;

CREATE TABLE banksim.accounts (
    account_no       varchar(40) PRIMARY KEY,
    customer_ref     uuid        NOT NULL UNIQUE,
    holder_name      varchar(64) NOT NULL,
    id_number_hash   varchar(64) NOT NULL,
    balance_minor    bigint      NOT NULL DEFAULT 0 CHECK (balance_minor >= 0),
    password_hash    varchar(64),
    opened_at        timestamptz NOT NULL
);

CREATE TABLE banksim.cards (
    binding_ref      varchar(64) PRIMARY KEY,
    account_no       varchar(40) NOT NULL REFERENCES banksim.accounts (account_no),
    card_hash        varchar(64) NOT NULL,
    last4            char(4)     NOT NULL,
    phone_hash       varchar(64) NOT NULL,
    status           varchar(8)  NOT NULL CHECK (status IN ('BOUND', 'UNBOUND')),
    UNIQUE (account_no, card_hash)
);

CREATE TABLE banksim.instructions (
    order_id         uuid        PRIMARY KEY,
    kind             varchar(10) NOT NULL CHECK (kind IN ('DEPOSIT', 'WITHDRAWAL')),
    account_no       varchar(40) NOT NULL REFERENCES banksim.accounts (account_no),
    binding_ref      varchar(64) NOT NULL REFERENCES banksim.cards (binding_ref),
    amount_minor     bigint      NOT NULL CHECK (amount_minor > 0),
    status           varchar(12) NOT NULL CHECK (status IN ('AWAITING', 'SUCCEEDED', 'FAILED')),
    failure_reason   varchar(200),
    created_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    business_date    date
);

-- Callbacks waiting to be delivered (asynchronous answers); LOST ones are never delivered.
CREATE TABLE banksim.callbacks (
    id               bigserial   PRIMARY KEY,
    order_id         uuid        NOT NULL REFERENCES banksim.instructions (order_id),
    status           varchar(10) NOT NULL CHECK (status IN ('QUEUED', 'DELIVERED', 'LOST', 'REFUSED')),
    due_at           timestamptz NOT NULL,
    delivered_at     timestamptz
);
CREATE INDEX callbacks_queued ON banksim.callbacks (due_at) WHERE status = 'QUEUED';

-- Extra statement lines, e.g. a bank-side correction the platform never heard of.
CREATE TABLE banksim.adjustments (
    id               uuid        PRIMARY KEY,
    account_no       varchar(40) NOT NULL REFERENCES banksim.accounts (account_no),
    reference        varchar(64) NOT NULL,
    amount_minor     bigint      NOT NULL,
    business_date    date        NOT NULL
);
