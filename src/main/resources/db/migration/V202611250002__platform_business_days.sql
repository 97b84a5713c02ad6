-- Business dates whose end-of-day has been announced; the row is the claim, so a date closes once.
CREATE TABLE platform.business_days (
    business_date  date        PRIMARY KEY,
    closed_at      timestamptz NOT NULL
);
