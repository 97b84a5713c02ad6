package com.credence.risk.domain;

import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The all-in annual cost of a loan to the borrower: the internal rate of return of the borrower's
 * own cash flows (principal received, every instalment and fee paid), as a monthly rate times 12.
 * Interest is never taken out of the principal: the borrower receives it all, and an up-front fee
 * is a separate payment at month 0.
 */
public final class AllInCost {

  private static final MathContext MC = DecimalMath.CONTEXT;
  private static final int MAX_ITERATIONS = 100;
  private static final BigDecimal TOLERANCE = new BigDecimal("1E-20");
  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

  private AllInCost() {}

  /** A loan's terms as far as the borrower's cost goes. */
  public record Terms(
      Money principal,
      AnnualRate rate,
      int termMonths,
      RepaymentMethod method,
      Money upfrontFee,
      Money monthlyFee) {
    public Terms {
      if (principal.amountMinor() <= 0 || termMonths < 1 || termMonths > 360) {
        throw new IllegalArgumentException("A loan needs a positive principal and 1-360 months");
      }
    }
  }

  /** The all-in annual rate as a fraction (e.g. 0.1034), at scale 10. */
  public static BigDecimal annualRate(Terms terms) {
    return monthlyIrr(cashFlows(terms)).multiply(TWELVE, MC).setScale(10, RoundingMode.HALF_UP);
  }

  /**
   * The borrower's cash flows in fen by month: month 0 is the principal received less the up-front
   * fee, then each month's instalment plus fee as a negative amount. Instalments are rounded to fen
   * the way a schedule is; the last one clears the balance.
   */
  public static List<BigDecimal> cashFlows(Terms terms) {
    BigDecimal balance = BigDecimal.valueOf(terms.principal().amountMinor());
    BigDecimal monthly = terms.rate().asFraction().divide(TWELVE, MC);
    BigDecimal fee = BigDecimal.valueOf(terms.monthlyFee().amountMinor());
    int n = terms.termMonths();
    List<BigDecimal> flows = new ArrayList<>();
    flows.add(balance.subtract(BigDecimal.valueOf(terms.upfrontFee().amountMinor())));
    BigDecimal annuity = annuity(balance, monthly, n);
    BigDecimal bulletInterest = BigDecimal.ZERO;
    for (int month = 1; month <= n; month++) {
      BigDecimal interest = fen(balance.multiply(monthly, MC));
      BigDecimal principalPart =
          switch (terms.method()) {
            case EQUAL_INSTALLMENT -> month == n ? balance : annuity.subtract(interest);
            case EQUAL_PRINCIPAL ->
                month == n ? balance : fen(balance.divide(BigDecimal.valueOf(n - month + 1), MC));
            case INTEREST_FIRST, BULLET -> month == n ? balance : BigDecimal.ZERO;
          };
      BigDecimal paid;
      if (terms.method() == RepaymentMethod.BULLET) {
        bulletInterest = bulletInterest.add(interest);
        paid = month == n ? principalPart.add(bulletInterest) : BigDecimal.ZERO;
      } else {
        paid = principalPart.add(interest);
      }
      balance = balance.subtract(principalPart);
      flows.add(paid.add(fee).negate());
    }
    return flows;
  }

  private static BigDecimal annuity(BigDecimal principal, BigDecimal monthly, int n) {
    if (monthly.signum() == 0) {
      return fen(principal.divide(BigDecimal.valueOf(n), MC));
    }
    BigDecimal discount = BigDecimal.ONE.add(monthly).pow(-n, MC);
    return fen(principal.multiply(monthly, MC).divide(BigDecimal.ONE.subtract(discount), MC));
  }

  private static BigDecimal fen(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP);
  }

  /**
   * Newton's method on the net present value, from 1% a month. Every flow after month 0 is a
   * payment, so the value falls strictly with the rate and the root is unique.
   */
  static BigDecimal monthlyIrr(List<BigDecimal> flows) {
    BigDecimal r = new BigDecimal("0.01");
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      BigDecimal value = BigDecimal.ZERO;
      BigDecimal slope = BigDecimal.ZERO;
      BigDecimal discount = BigDecimal.ONE;
      BigDecimal base = BigDecimal.ONE.divide(BigDecimal.ONE.add(r), MC);
      for (int t = 0; t < flows.size(); t++) {
        value = value.add(flows.get(t).multiply(discount, MC), MC);
        slope =
            slope.subtract(
                flows
                    .get(t)
                    .multiply(BigDecimal.valueOf(t), MC)
                    .multiply(discount, MC)
                    .multiply(base, MC),
                MC);
        discount = discount.multiply(base, MC);
      }
      BigDecimal step = value.divide(slope, MC);
      r = r.subtract(step, MC);
      if (step.abs().compareTo(TOLERANCE) < 0) {
        return r;
      }
    }
    throw new IllegalStateException("IRR did not converge for " + flows.size() + " flows");
  }
}
