-- Bank: the platform's side of the custodian bank. Custody sub-accounts, bound cards, deposit and
-- withdrawal orders, callback nonces and daily reconciliation. Card numbers are not stored here:
-- the bank keeps them; the platform keeps the bank's binding reference, the bank's name and the
-- last four digits.

CREATE SCHEMA IF NOT EXISTS bank;

CREATE TABLE bank.sub_accounts (
    user_id      uuid        PRIMARY KEY,
    account_no   varchar(40) NOT NULL UNIQUE,
    opened_at    timestamptz NOT NULL
);

CREATE TABLE bank.cards (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES bank.sub_accounts (user_id),
    binding_ref  varchar(64) NOT NULL UNIQUE,
    bank_name    varchar(40) NOT NULL,
    last4        char(4)     NOT NULL,
    status       varchar(8)  NOT NULL CHECK (status IN ('BOUND', 'UNBOUND')),
    created_at   timestamptz NOT NULL
);
CREATE INDEX cards_user ON bank.cards (user_id);

CREATE TABLE bank.orders (
    id               uuid        PRIMARY KEY,
    user_id          uuid        NOT NULL,
    kind             varchar(10) NOT NULL CHECK (kind IN ('DEPOSIT', 'WITHDRAWAL')),
    card_id          uuid        NOT NULL REFERENCES bank.cards (id),
    amount_minor     bigint      NOT NULL CHECK (amount_minor > 0),
    currency         char(3)     NOT NULL DEFAULT 'CNY',
    status           varchar(10) NOT NULL CHECK (status IN ('PENDING', 'UNKNOWN', 'SUCCEEDED', 'FAILED')),
    transfer_id      uuid        NOT NULL UNIQUE,
    settle_id        uuid        NOT NULL UNIQUE,
    idempotency_key  varchar(64) NOT NULL,
    request_hash     varchar(64) NOT NULL,
    confirm_url      varchar(200),
    failure_reason   varchar(200),
    business_date    date        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    settled_date     date,
    UNIQUE (user_id, kind, idempotency_key)
);
CREATE INDEX orders_open ON bank.orders (status, updated_at) WHERE status IN ('PENDING', 'UNKNOWN');
CREATE INDEX orders_user_day ON bank.orders (user_id, kind, business_date);
CREATE INDEX orders_settled ON bank.orders (settled_date) WHERE status = 'SUCCEEDED';

CREATE TABLE bank.callback_nonces (
    nonce        varchar(64) PRIMARY KEY,
    received_at  timestamptz NOT NULL
);

CREATE TABLE bank.reconciliations (
    business_date  date        PRIMARY KEY,
    status         varchar(12) NOT NULL CHECK (status IN ('MATCHED', 'DIFFERENCES', 'RESOLVED')),
    movements      integer     NOT NULL,
    accounts       integer     NOT NULL,
    ran_at         timestamptz NOT NULL,
    resolved_by    uuid,
    resolved_at    timestamptz,
    resolution     varchar(500)
);

CREATE TABLE bank.reconciliation_differences (
    id              uuid        PRIMARY KEY,
    business_date   date        NOT NULL REFERENCES bank.reconciliations (business_date),
    kind            varchar(24) NOT NULL,
    reference       varchar(64) NOT NULL,
    bank_minor      bigint,
    platform_minor  bigint,
    detail          varchar(300) NOT NULL
);
CREATE INDEX reconciliation_differences_day ON bank.reconciliation_differences (business_date);
