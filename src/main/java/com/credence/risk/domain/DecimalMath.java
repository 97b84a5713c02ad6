package com.credence.risk.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Exact-enough exponentials in BigDecimal, deterministic on every JVM (no floating point). */
public final class DecimalMath {

  /** 30 significant digits: far beyond what a score or a rate needs. */
  public static final MathContext CONTEXT = new MathContext(30, RoundingMode.HALF_EVEN);

  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final int TAYLOR_TERMS = 60;

  private DecimalMath() {}

  /** e^x: halve x until it is small, sum the Taylor series, then square back. */
  public static BigDecimal exp(BigDecimal x) {
    int halvings = 0;
    BigDecimal reduced = x;
    while (reduced.abs().compareTo(HALF) > 0) {
      reduced = reduced.divide(BigDecimal.valueOf(2), CONTEXT);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; n <= TAYLOR_TERMS; n++) {
      term = term.multiply(reduced, CONTEXT).divide(BigDecimal.valueOf(n), CONTEXT);
      sum = sum.add(term, CONTEXT);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, CONTEXT);
    }
    return sum;
  }

  /** The logistic function 1 / (1 + e^-x). */
  public static BigDecimal logistic(BigDecimal x) {
    return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate()), CONTEXT), CONTEXT);
  }
}
