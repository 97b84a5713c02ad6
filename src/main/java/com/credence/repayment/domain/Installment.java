package com.credence.repayment.domain;

import java.time.LocalDate;

/**
 * One scheduled installment of a loan, in fen.
 *
 * @param number 1-based
 * @param dueDate the business date it falls due
 * @param openingPrincipalMinor principal outstanding before this installment
 * @param principalMinor principal repaid by it
 * @param interestMinor interest due with it
 */
public record Installment(
    int number,
    LocalDate dueDate,
    long openingPrincipalMinor,
    long principalMinor,
    long interestMinor) {

  public Installment {
    if (number < 1
        || principalMinor < 0
        || interestMinor < 0
        || principalMinor > openingPrincipalMinor) {
      throw new IllegalArgumentException("Invalid installment " + number);
    }
  }

  public long totalMinor() {
    return Math.addExact(principalMinor, interestMinor);
  }

  public long closingPrincipalMinor() {
    return openingPrincipalMinor - principalMinor;
  }
}
