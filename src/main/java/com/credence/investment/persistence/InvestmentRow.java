package com.credence.investment.persistence;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code investment.investments}. */
public record InvestmentRow(
    UUID id,
    UUID listingId,
    UUID investorId,
    UUID accountId,
    long amountMinor,
    String status,
    UUID transferId,
    String source,
    String idempotencyKey,
    String requestHash,
    Instant createdAt) {}
