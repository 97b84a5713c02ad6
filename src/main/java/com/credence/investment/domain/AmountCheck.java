package com.credence.investment.domain;

/** The outcome of checking a bid's amount against a listing's minimum and step. */
public enum AmountCheck {
  OK,
  BELOW_MINIMUM,
  NOT_STEP_MULTIPLE;

  /**
   * Checks the minimum first, then the step: the order in which the investor is told.
   *
   * @param amountMinor the bid, positive
   * @param minInvestmentMinor the listing's minimum, positive
   * @param stepMinor the listing's step, positive; amounts are multiples of it
   */
  public static AmountCheck of(long amountMinor, long minInvestmentMinor, long stepMinor) {
    if (amountMinor <= 0 || minInvestmentMinor <= 0 || stepMinor <= 0) {
      throw new IllegalArgumentException("Amounts must be positive");
    }
    if (amountMinor < minInvestmentMinor) {
      return BELOW_MINIMUM;
    }
    if (amountMinor % stepMinor != 0) {
      return NOT_STEP_MULTIPLE;
    }
    return OK;
  }
}
