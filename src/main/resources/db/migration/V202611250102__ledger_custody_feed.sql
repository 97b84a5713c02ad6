-- The custody feed: every transfer remembers the transaction that wrote it, so a reader can take,
-- in (xact, seq) order, exactly the transfers whose transactions have all ended (below the oldest
-- running transaction) and never miss one that commits late.
ALTER TABLE ledger.transfer ADD COLUMN xact xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX transfer_by_xact ON ledger.transfer (xact, seq);
