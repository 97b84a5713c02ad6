package com.credence.investment;

import com.credence.shared.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partial loan offered to the borrower.
 *
 * @param amount the amount the listing asked for
 * @param raised what was raised: the loan's amount if accepted
 * @param status {@code OFFERED}, {@code ACCEPTED}, {@code DECLINED} or {@code EXPIRED}
 */
public record OfferView(
    UUID listingId,
    UUID applicationId,
    String title,
    Money amount,
    Money raised,
    Instant madeAt,
    Instant expiresAt,
    String status,
    @Nullable Instant decidedAt,
    @Nullable UUID loanId) {

  public boolean isOpen() {
    return "OFFERED".equals(status);
  }
}
