package com.credence.ledger.domain;

import com.credence.ledger.AccountFlag;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.shared.Currency;

/**
 * An account's balance counters as the batch sees them while it applies transfers. Immutable: each
 * change yields a new state, so a refused transfer leaves nothing half-applied.
 */
public record AccountState(
    AccountId id,
    AccountKind kind,
    Currency currency,
    int flags,
    long debitsPosted,
    long creditsPosted,
    long debitsPending,
    long creditsPending) {

  public static AccountState opened(AccountId id, AccountKind kind, Currency currency) {
    return new AccountState(
        id, kind, currency, AccountFlag.toBits(kind.defaultFlags()), 0, 0, 0, 0);
  }

  /**
   * The counters after a change, each delta added with overflow checks.
   *
   * @throws ArithmeticException when a counter would overflow
   */
  public AccountState plus(
      long debitsPostedDelta,
      long creditsPostedDelta,
      long debitsPendingDelta,
      long creditsPendingDelta) {
    return new AccountState(
        id,
        kind,
        currency,
        flags,
        Math.addExact(debitsPosted, debitsPostedDelta),
        Math.addExact(creditsPosted, creditsPostedDelta),
        Math.addExact(debitsPending, debitsPendingDelta),
        Math.addExact(creditsPending, creditsPendingDelta));
  }

  /** Whether the flags hold; the counters are non-negative by construction of valid transfers. */
  public boolean withinLimits() {
    if ((flags & AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS.bit()) != 0
        && Math.addExact(debitsPosted, debitsPending) > creditsPosted) {
      return false;
    }
    return (flags & AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS.bit()) == 0
        || Math.addExact(creditsPosted, creditsPending) <= debitsPosted;
  }

  public boolean countersNonNegative() {
    return debitsPosted >= 0 && creditsPosted >= 0 && debitsPending >= 0 && creditsPending >= 0;
  }
}
