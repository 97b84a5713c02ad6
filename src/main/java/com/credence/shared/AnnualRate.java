package com.credence.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An annual interest rate in basis points (1 bp = 0.01%). The API form is a fraction with four
 * decimals: {@code "0.0950"} is 950 bp, 9.5% a year.
 */
public record AnnualRate(int bps) implements Comparable<AnnualRate> {

  /** No rate above 100% a year exists on this platform; the legal cap is far lower. */
  public static final int MAX_BPS = 10_000;

  private static final Pattern API_RATE = Pattern.compile("^0(\\.[0-9]{1,4})?$|^1(\\.0{1,4})?$");

  public AnnualRate {
    if (bps < 0 || bps > MAX_BPS) {
      throw new IllegalArgumentException("Annual rate out of range: " + bps + " bp");
    }
  }

  public static AnnualRate ofBps(int bps) {
    return new AnnualRate(bps);
  }

  /** Parses the API form, a fraction with at most four decimals, e.g. {@code "0.0950"}. */
  public static AnnualRate parse(String text) {
    if (text == null || !API_RATE.matcher(text).matches()) {
      throw new ProblemException(
          400,
          "INVALID_RATE",
          "Not a valid rate: expected a fraction like \"0.0950\"",
          "problem.invalid-rate");
    }
    return new AnnualRate(new BigDecimal(text).movePointRight(4).intValueExact());
  }

  /** The rate as an exact fraction per year, e.g. 0.0950. */
  public BigDecimal asFraction() {
    return BigDecimal.valueOf(bps, 4);
  }

  /** The monthly rate for whole months, at the given scale: annual / 12. */
  public BigDecimal monthlyFraction(int scale, RoundingMode rounding) {
    return asFraction().divide(BigDecimal.valueOf(12), scale, rounding);
  }

  public String toApiString() {
    return asFraction().toPlainString();
  }

  /** The page form: a percentage with two decimals, e.g. {@code "9.50%"}. */
  public String toPercentString() {
    return BigDecimal.valueOf(bps, 2).toPlainString() + "%";
  }

  @Override
  public int compareTo(AnnualRate other) {
    return Integer.compare(bps, other.bps);
  }
}
