package com.credence.repayment.domain;

import com.credence.shared.AnnualRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Full early repayment (提前还款): the outstanding principal, the interest from the last due date (or
 * the value date) up to the repayment date by the day count, and the contracted fee, a share of the
 * outstanding principal. The fee is lowered so that the interest to date plus the fee, as an annual
 * rate on the outstanding principal over the days since the last due date (at least one month's
 * worth), stay within the legal cap.
 */
public final class EarlyRepayment {

  private static final BigDecimal BPS_PER_ONE = BigDecimal.valueOf(10_000);

  private EarlyRepayment() {}

  /** What settles the loan today. */
  public record Payoff(long principalMinor, long interestMinor, long feeMinor) {

    public long totalMinor() {
      return principalMinor + interestMinor + feeMinor;
    }
  }

  public static Payoff payoff(
      long outstandingPrincipalMinor,
      AnnualRate rate,
      LocalDate periodStart,
      LocalDate repaymentDate,
      int feeBps,
      AnnualRate cap,
      DayCount dayCount) {
    long days = Math.max(0, ChronoUnit.DAYS.between(periodStart, repaymentDate));
    long interest = dayCount.interestMinor(outstandingPrincipalMinor, rate, days);
    long fee =
        BigDecimal.valueOf(outstandingPrincipalMinor)
            .multiply(BigDecimal.valueOf(feeBps))
            .divide(BPS_PER_ONE, 0, RoundingMode.HALF_UP)
            .longValueExact();
    long allInCap =
        dayCount.interestMinor(
            outstandingPrincipalMinor, cap, Math.max(days, dayCount.daysPerYear() / 12));
    long feeCap = Math.max(0, allInCap - interest);
    return new Payoff(outstandingPrincipalMinor, interest, Math.min(fee, feeCap));
  }
}
