-- A failed listing's freezes are voided in chunks after the listing is marked FAILED (ADR 0022).
-- Until its last chunk the listing keeps here the notification its investors get once their money is
-- back (LISTING_FAILED, OFFER_DECLINED, OFFER_EXPIRED), so that the next run of the deadline job (on
-- any node) finishes a run that stopped part-way and tells them then.
ALTER TABLE investment.listings ADD COLUMN refund_notice varchar(20)
    CHECK (refund_notice IN ('LISTING_FAILED', 'OFFER_DECLINED', 'OFFER_EXPIRED'));
CREATE INDEX listings_refunds_pending ON investment.listings (id) WHERE refund_notice IS NOT NULL;
