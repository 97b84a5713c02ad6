package com.credence.repayment.domain;

import com.credence.shared.AnnualRate;

/**
 * Penalty interest (罚息) on an overdue installment. It accrues daily on the unpaid principal and
 * interest, after a grace period, at the contracted penalty rate, but never more than what keeps
 * the contract rate plus the penalty rate within the legal cap (REGULATION.md: interest plus late
 * interest and penalties together).
 */
public final class Penalty {

  private Penalty() {}

  /**
   * The penalty rate in force: the contracted one, lowered so rate + penalty stays within the cap.
   */
  public static AnnualRate effectiveRate(AnnualRate contract, AnnualRate penalty, AnnualRate cap) {
    int room = Math.max(0, cap.bps() - contract.bps());
    return AnnualRate.ofBps(Math.min(penalty.bps(), room));
  }

  /**
   * The days of penalty from the day after {@code from} (exclusive) up to {@code to} (inclusive)
   * that fall after the grace period: a due date D with grace g accrues from D + g + 1 on.
   */
  public static long accrualDays(
      java.time.LocalDate dueDate,
      int graceDays,
      java.time.LocalDate from,
      java.time.LocalDate to) {
    java.time.LocalDate firstAccruing = dueDate.plusDays(graceDays + 1L);
    java.time.LocalDate start =
        from.plusDays(1).isAfter(firstAccruing) ? from.plusDays(1) : firstAccruing;
    if (start.isAfter(to)) {
      return 0;
    }
    return java.time.temporal.ChronoUnit.DAYS.between(start, to) + 1;
  }

  /** The penalty on an overdue amount for some days: day count, HALF_UP to the fen. */
  public static long accrue(long overdueMinor, AnnualRate rate, long days, DayCount dayCount) {
    return dayCount.interestMinor(overdueMinor, rate, days);
  }
}
