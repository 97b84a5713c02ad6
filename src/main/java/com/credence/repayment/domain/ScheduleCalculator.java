package com.credence.repayment.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Repayment schedules for the four methods, to the fen. Conventions (docs/modules/repayment.md):
 *
 * <ul>
 *   <li>The monthly rate is the annual rate / 12, exact in {@link BigDecimal}.
 *   <li>Interest of a period is outstanding principal x monthly rate, rounded HALF_UP to the fen
 *       once per installment.
 *   <li>Equal installments: the payment {@code P r (1+r)^n / ((1+r)^n - 1)} is rounded HALF_UP to
 *       the fen; each period's principal is payment minus that period's interest; the last
 *       installment repays all remaining principal, so it absorbs the rounding.
 *   <li>Equal principal: {@code floor(P / n)} a month, the last installment takes the remainder.
 *   <li>Installment k falls due k months after the value date, on the same day of the month or on
 *       the month's last day when the month is shorter.
 * </ul>
 *
 * Invariant: the principals add up to the loan and the outstanding balance ends at zero.
 */
public final class ScheduleCalculator {

  /** Precision of intermediate results: far beyond a fen on any amount the platform allows. */
  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

  private ScheduleCalculator() {}

  public static List<Installment> schedule(LoanTerms terms) {
    BigDecimal monthlyRate = terms.rate().asFraction().divide(MONTHS_PER_YEAR, PRECISION);
    List<Installment> installments =
        switch (terms.method()) {
          case EQUAL_INSTALLMENT -> equalInstallments(terms, monthlyRate);
          case EQUAL_PRINCIPAL -> equalPrincipal(terms, monthlyRate);
          case INTEREST_FIRST -> interestFirst(terms, monthlyRate);
          case BULLET -> bullet(terms, monthlyRate);
        };
    checkRepaysExactly(terms, installments);
    return List.copyOf(installments);
  }

  /** The rounded monthly payment of an equal-installment loan. */
  public static long equalInstallmentPaymentMinor(
      long principalMinor, BigDecimal monthlyRate, int termMonths) {
    BigDecimal principal = BigDecimal.valueOf(principalMinor);
    if (monthlyRate.signum() == 0) {
      return principal
          .divide(BigDecimal.valueOf(termMonths), 0, RoundingMode.HALF_UP)
          .longValueExact();
    }
    BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(termMonths, PRECISION);
    BigDecimal payment =
        principal
            .multiply(monthlyRate, PRECISION)
            .multiply(growth, PRECISION)
            .divide(growth.subtract(BigDecimal.ONE), PRECISION);
    return payment.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Interest on an amount for whole months at the monthly rate, rounded HALF_UP to the fen. */
  public static long interestMinor(long principalMinor, BigDecimal monthlyRate, int months) {
    return BigDecimal.valueOf(principalMinor)
        .multiply(monthlyRate, PRECISION)
        .multiply(BigDecimal.valueOf(months))
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  private static List<Installment> equalInstallments(LoanTerms terms, BigDecimal monthlyRate) {
    int n = terms.termMonths();
    long payment = equalInstallmentPaymentMinor(terms.principalMinor(), monthlyRate, n);
    List<Installment> result = new ArrayList<>(n);
    long outstanding = terms.principalMinor();
    for (int k = 1; k <= n; k++) {
      long interest = interestMinor(outstanding, monthlyRate, 1);
      // The last installment repays what is left; before it, principal is payment minus interest,
      // never more than what is outstanding (possible only at a zero rate with rounding up).
      long principal =
          k == n ? outstanding : Math.min(outstanding, Math.max(0, payment - interest));
      result.add(
          new Installment(k, terms.valueDate().plusMonths(k), outstanding, principal, interest));
      outstanding -= principal;
    }
    return result;
  }

  private static List<Installment> equalPrincipal(LoanTerms terms, BigDecimal monthlyRate) {
    int n = terms.termMonths();
    long monthlyPrincipal = terms.principalMinor() / n;
    List<Installment> result = new ArrayList<>(n);
    long outstanding = terms.principalMinor();
    for (int k = 1; k <= n; k++) {
      long interest = interestMinor(outstanding, monthlyRate, 1);
      long principal = k == n ? outstanding : monthlyPrincipal;
      result.add(
          new Installment(k, terms.valueDate().plusMonths(k), outstanding, principal, interest));
      outstanding -= principal;
    }
    return result;
  }

  private static List<Installment> interestFirst(LoanTerms terms, BigDecimal monthlyRate) {
    int n = terms.termMonths();
    long principal = terms.principalMinor();
    long interest = interestMinor(principal, monthlyRate, 1);
    List<Installment> result = new ArrayList<>(n);
    for (int k = 1; k <= n; k++) {
      result.add(
          new Installment(
              k, terms.valueDate().plusMonths(k), principal, k == n ? principal : 0, interest));
    }
    return result;
  }

  private static List<Installment> bullet(LoanTerms terms, BigDecimal monthlyRate) {
    int n = terms.termMonths();
    long principal = terms.principalMinor();
    long interest = interestMinor(principal, monthlyRate, n);
    return List.of(
        new Installment(1, terms.valueDate().plusMonths(n), principal, principal, interest));
  }

  private static void checkRepaysExactly(LoanTerms terms, List<Installment> installments) {
    long repaid = 0;
    long outstanding = terms.principalMinor();
    for (Installment installment : installments) {
      com.credence.shared.Invariants.check(
          installment.openingPrincipalMinor() == outstanding,
          "installment %d opens at %d, expected %d",
          installment.number(),
          installment.openingPrincipalMinor(),
          outstanding);
      repaid += installment.principalMinor();
      outstanding = installment.closingPrincipalMinor();
    }
    com.credence.shared.Invariants.check(
        repaid == terms.principalMinor() && outstanding == 0,
        "schedule repays %d of %d",
        repaid,
        terms.principalMinor());
  }
}
