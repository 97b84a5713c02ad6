package com.credence.ledger;

import com.credence.shared.Currency;
import java.util.Set;
import java.util.UUID;

/** An account with its four balance counters, in fen. */
public record AccountView(
    AccountId id,
    AccountKind kind,
    UUID ownerId,
    Currency currency,
    Set<AccountFlag> flags,
    long debitsPostedMinor,
    long creditsPostedMinor,
    long debitsPendingMinor,
    long creditsPendingMinor) {

  public AccountView {
    flags = Set.copyOf(flags);
  }

  public Balance balance() {
    return Balance.of(this);
  }
}
