package com.credence.repayment.domain;

import com.credence.shared.AnnualRate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Day-count conventions for interest over a number of days (broken periods, penalty interest).
 * Whole months never use a day count: they use annual rate / 12.
 */
public enum DayCount {
  ACTUAL_365(365),
  ACTUAL_360(360);

  private final int daysPerYear;

  DayCount(int daysPerYear) {
    this.daysPerYear = daysPerYear;
  }

  public int daysPerYear() {
    return daysPerYear;
  }

  /**
   * Interest on an amount for some days: amount x rate x days / days per year, HALF_UP to the fen.
   */
  public long interestMinor(long amountMinor, AnnualRate rate, long days) {
    if (amountMinor < 0 || days < 0) {
      throw new IllegalArgumentException("Amount and days must not be negative");
    }
    return BigDecimal.valueOf(amountMinor)
        .multiply(rate.asFraction())
        .multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(daysPerYear), MathContext.DECIMAL128)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
