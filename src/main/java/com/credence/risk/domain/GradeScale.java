package com.credence.risk.domain;

import com.credence.risk.Grade;
import java.math.BigDecimal;

/**
 * Upper bounds (inclusive) of the probability of default for grades A to D; anything above D's
 * bound is E. The bounds must rise strictly and stay between 0 and 1.
 */
public record GradeScale(
    BigDecimal maxPdA, BigDecimal maxPdB, BigDecimal maxPdC, BigDecimal maxPdD) {

  public GradeScale {
    BigDecimal previous = BigDecimal.ZERO;
    for (BigDecimal bound : new BigDecimal[] {maxPdA, maxPdB, maxPdC, maxPdD}) {
      if (bound.compareTo(previous) <= 0 || bound.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException(
            "Grade bounds must rise strictly within (0, 1): " + previous + " then " + bound);
      }
      previous = bound;
    }
  }

  public Grade gradeOf(BigDecimal probabilityOfDefault) {
    if (probabilityOfDefault.compareTo(maxPdA) <= 0) {
      return Grade.A;
    }
    if (probabilityOfDefault.compareTo(maxPdB) <= 0) {
      return Grade.B;
    }
    if (probabilityOfDefault.compareTo(maxPdC) <= 0) {
      return Grade.C;
    }
    if (probabilityOfDefault.compareTo(maxPdD) <= 0) {
      return Grade.D;
    }
    return Grade.E;
  }
}
