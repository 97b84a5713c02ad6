-- Custody ledger in TigerBeetle's shape: accounts with four balance counters, immutable transfers,
-- two-phase (pending) transfers resolved at most once. Amounts are fen (bigint), never negative.

CREATE SCHEMA IF NOT EXISTS ledger;

CREATE TABLE ledger.account (
    id               uuid        PRIMARY KEY,
    kind             varchar(32) NOT NULL,
    owner_id         uuid        NOT NULL,
    currency         char(3)     NOT NULL,
    -- Bit 1: debits must not exceed credits; bit 2: credits must not exceed debits.
    flags            integer     NOT NULL CHECK (flags BETWEEN 0 AND 3),
    debits_posted    bigint      NOT NULL DEFAULT 0 CHECK (debits_posted >= 0),
    credits_posted   bigint      NOT NULL DEFAULT 0 CHECK (credits_posted >= 0),
    debits_pending   bigint      NOT NULL DEFAULT 0 CHECK (debits_pending >= 0),
    credits_pending  bigint      NOT NULL DEFAULT 0 CHECK (credits_pending >= 0),
    created_at       timestamptz NOT NULL,
    CONSTRAINT account_one_per_owner_kind_currency UNIQUE (owner_id, kind, currency),
    CONSTRAINT account_debits_within_credits
        CHECK ((flags & 1) = 0 OR debits_posted + debits_pending <= credits_posted),
    CONSTRAINT account_credits_within_debits
        CHECK ((flags & 2) = 0 OR credits_posted + credits_pending <= debits_posted)
);

CREATE TABLE ledger.transfer (
    seq                bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    id                 uuid        PRIMARY KEY,
    type               varchar(16) NOT NULL CHECK (type IN ('SINGLE_PHASE', 'PENDING', 'POST_PENDING', 'VOID_PENDING')),
    debit_account_id   uuid        NOT NULL REFERENCES ledger.account (id),
    credit_account_id  uuid        NOT NULL REFERENCES ledger.account (id),
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    currency           char(3)     NOT NULL,
    code               varchar(32) NOT NULL,
    pending_id         uuid        REFERENCES ledger.transfer (id),
    reference          varchar(100) NOT NULL,
    business_date      date        NOT NULL,
    expires_at         timestamptz,
    created_at         timestamptz NOT NULL,
    CHECK (debit_account_id <> credit_account_id),
    CHECK ((type IN ('POST_PENDING', 'VOID_PENDING')) = (pending_id IS NOT NULL)),
    CHECK (expires_at IS NULL OR type = 'PENDING')
);

-- Invariant: a pending transfer is posted or voided once, never twice, never both.
CREATE UNIQUE INDEX transfer_resolves_pending_once ON ledger.transfer (pending_id) WHERE pending_id IS NOT NULL;
CREATE INDEX transfer_by_debit_account ON ledger.transfer (debit_account_id, seq);
CREATE INDEX transfer_by_credit_account ON ledger.transfer (credit_account_id, seq);
CREATE INDEX transfer_pending_expiry ON ledger.transfer (expires_at) WHERE expires_at IS NOT NULL;

-- Corrections are new reversing transfers: transfers are never updated or deleted, and accounts
-- change only in their balance counters.
CREATE FUNCTION ledger.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger.%: % is not allowed; correct with a reversing transfer', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER transfer_is_immutable BEFORE UPDATE OR DELETE ON ledger.transfer
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER transfer_is_never_truncated BEFORE TRUNCATE ON ledger.transfer
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER account_is_never_deleted BEFORE DELETE ON ledger.account
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER account_is_never_truncated BEFORE TRUNCATE ON ledger.account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();
-- The WHEN clause is evaluated without calling the function, so balance updates stay cheap.
CREATE TRIGGER account_identity_is_fixed BEFORE UPDATE ON ledger.account
    FOR EACH ROW
    WHEN (NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR NEW.owner_id <> OLD.owner_id
          OR NEW.currency <> OLD.currency OR NEW.flags <> OLD.flags OR NEW.created_at <> OLD.created_at)
    EXECUTE FUNCTION ledger.refuse_change();
