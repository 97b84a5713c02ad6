package com.credence.investment.persistence;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of {@code investment.offers}: a partial loan offered to the borrower. */
public record OfferRow(
    UUID listingId,
    UUID borrowerId,
    long amountMinor,
    long raisedMinor,
    Instant madeAt,
    Instant expiresAt,
    String status,
    @Nullable Instant decidedAt,
    @Nullable String decisionKey) {}
