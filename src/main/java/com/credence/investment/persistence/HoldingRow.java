package com.credence.investment.persistence;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code investment.holdings}, with its listing's status and grade. */
public record HoldingRow(
    UUID id,
    UUID listingId,
    UUID loanId,
    UUID investorId,
    UUID accountId,
    long principalMinor,
    String listingStatus,
    String grade,
    String title,
    Instant createdAt) {}
