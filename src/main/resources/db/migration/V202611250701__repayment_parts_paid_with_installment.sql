-- A holder's part of an installment is paid in the transaction that completes the installment, so
-- the installment's paid_on is the part's: one row written per installment instead of one per
-- holding (ADR 0019). Only a penalty part is still written to the part itself.
ALTER TABLE repayment.holder_installments DROP COLUMN paid_on;
