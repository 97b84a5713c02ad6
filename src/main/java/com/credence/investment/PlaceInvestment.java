package com.credence.investment;

import java.util.Objects;
import java.util.UUID;

/**
 * The command to invest in a listing.
 *
 * @param amountText the amount in yuan as the client sent it (e.g. "100.00")
 * @param takeRemaining when the amount is more than remains, take what remains instead of refusing
 * @param idempotencyKey the client's key (1-64 chars)
 */
public record PlaceInvestment(
    UUID listingId,
    UUID investorId,
    String amountText,
    boolean takeRemaining,
    String idempotencyKey) {

  public PlaceInvestment {
    Objects.requireNonNull(listingId, "listingId");
    Objects.requireNonNull(investorId, "investorId");
    Objects.requireNonNull(amountText, "amountText");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
