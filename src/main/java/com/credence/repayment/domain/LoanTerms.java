package com.credence.repayment.domain;

import com.credence.shared.AnnualRate;
import com.credence.shared.RepaymentMethod;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a schedule is computed from.
 *
 * @param principalMinor the loan amount in fen, positive
 * @param rate the contract's annual rate
 * @param termMonths whole months, 1 to 360
 * @param method the repayment method
 * @param valueDate the business date interest starts (起息日); installments fall due monthly from it
 */
public record LoanTerms(
    long principalMinor,
    AnnualRate rate,
    int termMonths,
    RepaymentMethod method,
    LocalDate valueDate) {

  public static final int TERM_MONTHS_MAX = 360;

  public LoanTerms {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(valueDate, "valueDate");
    if (principalMinor <= 0) {
      throw new IllegalArgumentException("Principal must be positive: " + principalMinor);
    }
    if (termMonths < 1 || termMonths > TERM_MONTHS_MAX) {
      throw new IllegalArgumentException("Term out of range: " + termMonths);
    }
  }
}
