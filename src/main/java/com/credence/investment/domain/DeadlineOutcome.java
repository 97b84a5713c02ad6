package com.credence.investment.domain;

/** What happens to a listing that is not full at its deadline (流标, or a partial loan). */
public enum DeadlineOutcome {
  /** Every freeze is voided; the listing is FAILED. */
  FAIL,
  /** The product allows a partial loan and enough was raised: the loan is what was raised. */
  FUND_PARTIAL;

  /**
   * @param minPartialShareBps the least share of the amount (basis points) a partial loan needs
   */
  public static DeadlineOutcome of(
      long raisedMinor, long amountMinor, boolean partialAllowed, int minPartialShareBps) {
    if (raisedMinor < 0 || amountMinor <= 0 || raisedMinor > amountMinor) {
      throw new IllegalArgumentException("Raised must be within the amount");
    }
    if (minPartialShareBps < 1 || minPartialShareBps > 10_000) {
      throw new IllegalArgumentException("The share is 1-10000 basis points");
    }
    if (!partialAllowed || raisedMinor == 0) {
      return FAIL;
    }
    // raised / amount >= share / 10000, in integers (no overflow: amounts < 1e18 / 1e4 here).
    boolean enough =
        java.math.BigInteger.valueOf(raisedMinor)
                .multiply(java.math.BigInteger.valueOf(10_000))
                .compareTo(
                    java.math.BigInteger.valueOf(amountMinor)
                        .multiply(java.math.BigInteger.valueOf(minPartialShareBps)))
            >= 0;
    return enough ? FUND_PARTIAL : FAIL;
  }
}
