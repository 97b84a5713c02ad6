package com.credence.investment;

import com.credence.shared.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One investment (one accepted bid).
 *
 * @param status FROZEN until the loan is disbursed, then ACTIVE; REFUNDED when the listing failed
 * @param source MANUAL or AUTO (auto-invest)
 */
public record InvestmentView(
    UUID investmentId,
    UUID listingId,
    Money amount,
    String status,
    String source,
    Instant createdAt) {}
