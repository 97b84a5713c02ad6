package com.credence.ledger;

import com.credence.shared.Currency;
import com.credence.shared.Money;

/**
 * An account's balance on its normal side: for customer and escrow accounts (credit-normal) total
 * is credits minus debits and frozen is pending debits; for the bank settlement account the
 * reverse. Available is total minus frozen.
 */
public record Balance(
    AccountId accountId,
    AccountKind kind,
    Currency currency,
    long availableMinor,
    long frozenMinor,
    long totalMinor) {

  static Balance of(AccountView a) {
    long total;
    long frozen;
    if (a.kind().isCreditNormal()) {
      total = a.creditsPostedMinor() - a.debitsPostedMinor();
      frozen = a.debitsPendingMinor();
    } else {
      total = a.debitsPostedMinor() - a.creditsPostedMinor();
      frozen = a.creditsPendingMinor();
    }
    return new Balance(a.id(), a.kind(), a.currency(), total - frozen, frozen, total);
  }

  public Money available() {
    return new Money(availableMinor, currency);
  }

  public Money frozen() {
    return new Money(frozenMinor, currency);
  }

  public Money total() {
    return new Money(totalMinor, currency);
  }
}
