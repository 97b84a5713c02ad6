package com.credence.origination.domain;

import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A loan product's settings, as staff configure them.
 *
 * @param type {@code CREDIT}, {@code CAR} or {@code BUSINESS}
 * @param termsMonths the terms offered, ascending
 * @param upfrontFeeBps the fee paid once at disbursement, in basis points of the principal
 * @param monthlyFeeBps the fee paid with each installment, in basis points of the principal
 * @param investorServiceFeeBps the platform's fee on the interest paid to investors
 */
public record LoanProduct(
    String type,
    Money minAmount,
    Money maxAmount,
    List<Integer> termsMonths,
    List<RepaymentMethod> repaymentMethods,
    int upfrontFeeBps,
    int monthlyFeeBps,
    int investorServiceFeeBps,
    int fundingPeriodDays,
    boolean partialFundingAllowed,
    Money minInvestment,
    Money investmentStep,
    boolean enabled) {

  private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

  public LoanProduct {
    termsMonths = List.copyOf(termsMonths.stream().sorted().distinct().toList());
    repaymentMethods = List.copyOf(repaymentMethods);
  }

  /** The up-front fee for a principal: principal x bps / 10,000, rounded to the fen HALF_UP. */
  public Money upfrontFee(Money principal) {
    return fee(principal, upfrontFeeBps);
  }

  /** The monthly fee for a principal: principal x bps / 10,000, rounded to the fen HALF_UP. */
  public Money monthlyFee(Money principal) {
    return fee(principal, monthlyFeeBps);
  }

  private static Money fee(Money principal, int bps) {
    BigDecimal minor =
        BigDecimal.valueOf(principal.amountMinor())
            .multiply(BigDecimal.valueOf(bps))
            .divide(BPS, 0, RoundingMode.HALF_UP);
    return Money.cny(minor.longValueExact());
  }

  /** What is wrong with an application's amount, term and repayment method for this product. */
  public List<FieldError> check(Money amount, int termMonths, RepaymentMethod method) {
    List<FieldError> errors = new ArrayList<>();
    if (amount.isLessThan(minAmount) || amount.isGreaterThan(maxAmount)) {
      errors.add(
          new FieldError(
              "amount",
              "origination.error.amount-out-of-range",
              "The amount must be between "
                  + minAmount.toApiString()
                  + " and "
                  + maxAmount.toApiString()));
    }
    if (!termsMonths.contains(termMonths)) {
      errors.add(
          new FieldError(
              "termMonths",
              "origination.error.term-not-offered",
              "This product offers the terms " + termsMonths));
    }
    if (!repaymentMethods.contains(method)) {
      errors.add(
          new FieldError(
              "repaymentMethod",
              "origination.error.method-not-offered",
              "This product offers the repayment methods " + repaymentMethods));
    }
    return errors;
  }

  /** What is wrong with the settings themselves (staff editing a product). */
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    if (minAmount.isZero() || maxAmount.isLessThan(minAmount)) {
      errors.add(
          new FieldError(
              "maxAmount",
              "origination.error.product-amounts",
              "The minimum must be positive and not above the maximum"));
    }
    if (termsMonths.isEmpty()
        || termsMonths.get(0) < 1
        || termsMonths.get(termsMonths.size() - 1) > 60) {
      errors.add(
          new FieldError(
              "termsMonths",
              "origination.error.product-terms",
              "Offer at least one term between 1 and 60 months"));
    }
    if (repaymentMethods.isEmpty()) {
      errors.add(
          new FieldError(
              "repaymentMethods",
              "origination.error.product-methods",
              "Allow at least one repayment method"));
    }
    if (upfrontFeeBps < 0 || upfrontFeeBps > 1000 || monthlyFeeBps < 0 || monthlyFeeBps > 100) {
      errors.add(
          new FieldError(
              "upfrontFeeBps",
              "origination.error.product-fees",
              "Fees: up-front 0-1000 bp, monthly 0-100 bp"));
    }
    if (investorServiceFeeBps < 0 || investorServiceFeeBps > 5000) {
      errors.add(
          new FieldError(
              "investorServiceFeeBps",
              "origination.error.product-service-fee",
              "The investor service fee is 0-5000 bp of the interest"));
    }
    if (fundingPeriodDays < 1 || fundingPeriodDays > 30) {
      errors.add(
          new FieldError(
              "fundingPeriodDays",
              "origination.error.product-funding-period",
              "The funding period is 1-30 days"));
    }
    if (minInvestment.isZero()
        || investmentStep.isZero()
        || minInvestment.amountMinor() % investmentStep.amountMinor() != 0) {
      errors.add(
          new FieldError(
              "minInvestment",
              "origination.error.product-investment",
              "Minimum investment and step must be positive, the minimum a multiple of the step"));
    }
    return errors;
  }
}
