-- A failed listing's freezes are voided in chunks after the listing is marked FAILED (ADR 0022).
-- Until its last chunk the listing is marked here, so that the next run of the deadline job (on any
-- node) finishes a run that stopped part-way.
ALTER TABLE investment.listings ADD COLUMN refunds_pending boolean NOT NULL DEFAULT false;
CREATE INDEX listings_refunds_pending ON investment.listings (id) WHERE refunds_pending;
