package com.credence.repayment.domain;

import com.credence.shared.AnnualRate;
import com.credence.shared.RepaymentMethod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule left after a partial early repayment: the remaining principal over the remaining due
 * dates (the installments get smaller), or over fewer of them (the term gets shorter: the
 * equal-installment payment or the equal-principal monthly principal stays as it was, at most). The
 * due dates stay the original ones; the conventions are those of {@link ScheduleCalculator}.
 */
public final class Reschedule {

  private Reschedule() {}

  /** What the borrower chose for a partial early repayment. */
  public enum Mode {
    REDUCE_INSTALLMENT,
    SHORTEN_TERM
  }

  /**
   * @param outstandingMinor the principal left after the prepayment, positive
   * @param remainingDueDates the due dates of the installments not yet due, in order, not empty
   * @param currentPaymentMinor the installment's principal and interest before the prepayment (for
   *     SHORTEN_TERM: what the new installments must not exceed); for equal principal, the monthly
   *     principal
   * @return installments numbered from 1, due on the first of the remaining dates
   */
  public static List<Installment> remaining(
      long outstandingMinor,
      AnnualRate rate,
      RepaymentMethod method,
      List<LocalDate> remainingDueDates,
      long currentPaymentMinor,
      Mode mode) {
    int months = remainingDueDates.size();
    if (mode == Mode.SHORTEN_TERM) {
      months = shortenedMonths(outstandingMinor, rate, method, months, currentPaymentMinor);
    }
    // A schedule computed from a value date one month before the first remaining due date; the
    // dates are then replaced by the original ones.
    LoanTerms terms =
        new LoanTerms(
            outstandingMinor, rate, months, method, remainingDueDates.get(0).minusMonths(1));
    List<Installment> computed = ScheduleCalculator.schedule(terms);
    List<Installment> result = new ArrayList<>(computed.size());
    for (Installment i : computed) {
      LocalDate due =
          method == RepaymentMethod.BULLET
              ? remainingDueDates.get(remainingDueDates.size() - 1)
              : remainingDueDates.get(i.number() - 1);
      result.add(
          new Installment(
              i.number(), due, i.openingPrincipalMinor(), i.principalMinor(), i.interestMinor()));
    }
    return List.copyOf(result);
  }

  /** The fewest months (at most {@code months}) whose payment does not exceed the current one. */
  static int shortenedMonths(
      long outstandingMinor,
      AnnualRate rate,
      RepaymentMethod method,
      int months,
      long currentPaymentMinor) {
    if (method == RepaymentMethod.EQUAL_PRINCIPAL) {
      long perMonth = Math.max(1, currentPaymentMinor);
      long needed = (outstandingMinor + perMonth - 1) / perMonth;
      return (int) Math.max(1, Math.min(months, needed));
    }
    if (method != RepaymentMethod.EQUAL_INSTALLMENT) {
      // Interest-first and bullet loans have one principal date: the term cannot be shortened.
      return months;
    }
    BigDecimal monthly = rate.asFraction().divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
    for (int n = 1; n < months; n++) {
      if (ScheduleCalculator.equalInstallmentPaymentMinor(outstandingMinor, monthly, n)
          <= currentPaymentMinor) {
        return n;
      }
    }
    return months;
  }
}
