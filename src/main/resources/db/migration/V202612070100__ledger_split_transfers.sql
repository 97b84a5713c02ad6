-- Split transfers (ADR 0024): one transfer debits one account and credits many, one leg each.
-- The end-of-day distribution pays every holder of a loan's installment this way: one transfer
-- row from the loan's escrow with its four index entries, and one narrow leg row per investor with
-- two, instead of a whole transfer row per holder.
--
-- A split transfer has no credit account of its own; legs > 0 says how many legs it has, and the
-- legs' amounts add up to its amount (checked below when the legs are written, and again by the
-- ledger check). An ordinary transfer has a credit account and legs = 0.
ALTER TABLE ledger.transfer ALTER COLUMN credit_account_id DROP NOT NULL;
ALTER TABLE ledger.transfer ADD COLUMN legs integer NOT NULL DEFAULT 0 CHECK (legs >= 0);
ALTER TABLE ledger.transfer ADD CONSTRAINT transfer_credit_account_or_legs
    CHECK ((credit_account_id IS NULL) = (legs > 0) AND (legs = 0 OR type = 'SINGLE_PHASE'));

CREATE TABLE ledger.transfer_leg (
    transfer_id        uuid   NOT NULL,
    transfer_seq       bigint NOT NULL,
    credit_account_id  uuid   NOT NULL,
    amount_minor       bigint NOT NULL CHECK (amount_minor > 0)
);
-- An account's statement reads its legs by account. The custody feed reads a page of transfers'
-- legs by sequence: legs are appended in about their transfers' order, so a BRIN index finds them
-- for a fraction of what a B-tree costs to keep.
CREATE INDEX transfer_leg_by_credit_account ON ledger.transfer_leg (credit_account_id);
CREATE INDEX transfer_leg_by_seq ON ledger.transfer_leg USING brin (transfer_seq);

CREATE TRIGGER transfer_leg_is_immutable BEFORE UPDATE OR DELETE ON ledger.transfer_leg
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER transfer_leg_is_never_truncated BEFORE TRUNCATE ON ledger.transfer_leg
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();

-- Both accounts of an ordinary transfer exist; a split transfer's debit account exists (its legs'
-- accounts are checked with the legs). The accounts named are looked up by their ids: a join of the
-- written rows to the account table let the planner scan the whole table at every statement, a
-- cost that grew with the number of accounts rather than with the rows written.
CREATE OR REPLACE FUNCTION ledger.transfer_accounts_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named uuid[];
BEGIN
    named := ARRAY(SELECT debit_account_id FROM written
                   UNION SELECT credit_account_id FROM written WHERE credit_account_id IS NOT NULL);
    IF (SELECT count(*) FROM ledger.account WHERE id = ANY(named)) <> cardinality(named) THEN
        RAISE EXCEPTION 'ledger.transfer: a transfer names an account that does not exist'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;

-- Legs are written in the transaction that wrote their transfer, all of a transfer's in one
-- statement: every leg's account exists, no account has two legs of a transfer, none is the
-- debited one, and the legs written for each transfer carry its sequence, are as many as it says
-- and add up to its amount. (The ledger check counts every transfer's legs again.) Accounts and
-- transfers are looked up by id, as above.
CREATE FUNCTION ledger.transfer_legs_complete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named uuid[];
    splits uuid[];
BEGIN
    named := ARRAY(SELECT DISTINCT credit_account_id FROM written);
    IF (SELECT count(*) FROM ledger.account WHERE id = ANY(named)) <> cardinality(named) THEN
        RAISE EXCEPTION 'ledger.transfer_leg: a leg names an account that does not exist'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    splits := ARRAY(SELECT DISTINCT transfer_id FROM written);
    IF EXISTS (WITH w AS (SELECT transfer_id, min(transfer_seq) AS seq, max(transfer_seq) AS seq_max,
                                 count(*) AS n, sum(amount_minor) AS amount
                            FROM written GROUP BY transfer_id),
                    t AS (SELECT id, seq, xact, legs, amount_minor, debit_account_id
                            FROM ledger.transfer WHERE id = ANY(splits)),
                    j AS (SELECT w.*, t.id AS t_id, t.seq AS t_seq, t.xact, t.legs,
                                 t.amount_minor AS t_amount, t.debit_account_id
                            FROM w LEFT JOIN t ON t.id = w.transfer_id)
               SELECT 1 FROM j
                WHERE t_id IS NULL OR t_seq <> seq OR seq <> seq_max OR xact <> pg_current_xact_id()
                   OR legs <> n OR t_amount <> amount
               UNION ALL
               SELECT 1 FROM written l JOIN j ON j.transfer_id = l.transfer_id
                WHERE l.credit_account_id = j.debit_account_id)
       OR (SELECT count(*) FROM written)
          <> (SELECT count(*) FROM (SELECT DISTINCT transfer_id, credit_account_id FROM written) d) THEN
        RAISE EXCEPTION 'ledger.transfer_leg: legs that do not make up their split transfer'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER transfer_legs_complete AFTER INSERT ON ledger.transfer_leg
    REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.transfer_legs_complete();
