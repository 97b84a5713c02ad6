-- A listing whose funding has passed the borrowing-caps check holds its place under the caps until
-- it is disbursed (then its loan counts) or fails: the check and the reservation are made under a
-- per-borrower lock, so two fundings of the same borrower (two nodes, the deadline job beside the
-- rush's funding, a borrower's answer to an offer) cannot both pass on the same headroom.
ALTER TABLE investment.listings ADD COLUMN caps_reserved boolean NOT NULL DEFAULT false;
