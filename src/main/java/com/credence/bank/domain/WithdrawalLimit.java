package com.credence.bank.domain;

/** The per-user daily withdrawal limit, in fen. */
public record WithdrawalLimit(long dailyMinor) {

  public WithdrawalLimit {
    if (dailyMinor <= 0) {
      throw new IllegalArgumentException("The daily limit must be positive");
    }
  }

  /**
   * Whether one more withdrawal fits.
   *
   * @param todayMinor withdrawals of today that are not failed, in fen
   */
  public boolean allows(long todayMinor, long amountMinor) {
    if (todayMinor < 0 || amountMinor <= 0) {
      throw new IllegalArgumentException("Amounts must not be negative");
    }
    // Invariant: no overflow; both are below Money.MAX_MINOR, far from Long.MAX_VALUE / 2.
    return todayMinor + amountMinor <= dailyMinor;
  }
}
