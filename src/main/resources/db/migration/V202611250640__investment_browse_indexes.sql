-- Browsing (PERFORMANCE.md W3): one index per sort of the listings page, led by status (every
-- page filters on it, OPEN by default) and ending with the common tie-break created_at DESC, id
-- DESC, so that a page is read in order from the index and the scan stops after it. Filters on
-- grade, term, rate and product are checked on the rows walked. The PROGRESS sort has no index:
-- it would be updated by every batch of the invest rush; it sorts the filtered rows instead.
create index listings_browse_newest on investment.listings (status, created_at desc, id desc);
create index listings_browse_rate_desc
    on investment.listings (status, annual_rate_bps desc, created_at desc, id desc);
create index listings_browse_rate_asc
    on investment.listings (status, annual_rate_bps, created_at desc, id desc);
create index listings_browse_term
    on investment.listings (status, term_months, created_at desc, id desc);
create index listings_browse_closing
    on investment.listings (status, closes_at, created_at desc, id desc);
-- Replaced by listings_browse_rate_desc (same order with the id tie-break).
drop index investment.listings_browse;
