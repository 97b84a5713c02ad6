package com.credence.investment;

import org.jspecify.annotations.Nullable;

/**
 * Filters and order of a listings page; null filters match everything.
 *
 * @param sort NEWEST (default), RATE_DESC, RATE_ASC, TERM_ASC, CLOSING or PROGRESS
 */
public record ListingFilter(
    @Nullable ListingStatus status,
    @Nullable String grade,
    @Nullable Integer termMonths,
    @Nullable String minRate,
    @Nullable String product,
    @Nullable String sort) {}
