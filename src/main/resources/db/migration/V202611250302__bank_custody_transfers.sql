-- Custody accounts that mirror the platform's own ledger accounts (loan escrows, fee income), so the
-- bank can execute the platform's transfer instructions between custody accounts.
CREATE TABLE bank.custody_accounts (
    ledger_account_id  uuid        PRIMARY KEY,
    account_no         varchar(40) NOT NULL UNIQUE,
    kind               varchar(32) NOT NULL,
    opened_at          timestamptz NOT NULL
);

-- The simulated bank's side: the chain of transfer batches it applied. A batch must start where the
-- last one ended (from = the previous to), so each movement is applied exactly once.
CREATE TABLE banksim.transfer_batches (
    batch_id       uuid        PRIMARY KEY,
    from_xact      bigint      NOT NULL,
    from_seq       bigint      NOT NULL,
    to_xact        bigint      NOT NULL,
    to_seq         bigint      NOT NULL,
    lines          integer     NOT NULL CHECK (lines >= 0),
    amount_minor   bigint      NOT NULL CHECK (amount_minor >= 0),
    received_at    timestamptz NOT NULL,
    UNIQUE (from_xact, from_seq)
);
