package com.credence.risk.domain;

import com.credence.risk.Grade;
import com.credence.shared.AnnualRate;
import com.credence.shared.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The annual rate offered per grade, and the legal cap on the borrower's all-in cost: a multiple of
 * the one-year LPR in force (4 x 3.00% = 12.00% by default). Grade E is not priced: it is not lent
 * to.
 */
public final class PricingPolicy {

  private final Map<Grade, AnnualRate> rates;
  private final int lprBps;
  private final int capMultiple;

  public PricingPolicy(Map<Grade, AnnualRate> rates, int lprBps, int capMultiple) {
    if (lprBps <= 0 || capMultiple <= 0) {
      throw new IllegalArgumentException("LPR and cap multiple must be positive");
    }
    this.rates = new EnumMap<>(rates);
    this.lprBps = lprBps;
    this.capMultiple = capMultiple;
    for (AnnualRate rate : this.rates.values()) {
      if (rate.bps() > capBps()) {
        throw new IllegalArgumentException(
            "A grade's rate " + rate.bps() + " bp is above the legal cap " + capBps() + " bp");
      }
    }
  }

  /** The cap on the all-in annual cost, in basis points. */
  public int capBps() {
    return lprBps * capMultiple;
  }

  public int lprBps() {
    return lprBps;
  }

  /** The rate for a grade; empty for a grade that is not lent to. */
  public Optional<AnnualRate> rateFor(Grade grade) {
    return Optional.ofNullable(rates.get(grade));
  }

  /**
   * The all-in annual cost in basis points (rounded up, so rounding never hides a breach).
   *
   * @throws ProblemException 422 {@code RATE_ABOVE_LEGAL_CAP} when it exceeds the cap
   */
  public int checkAllInCost(AllInCost.Terms terms) {
    BigDecimal annual = AllInCost.annualRate(terms);
    BigDecimal cap = BigDecimal.valueOf(capBps(), 4);
    if (annual.compareTo(cap) > 0) {
      throw new ProblemException(
          422,
          "RATE_ABOVE_LEGAL_CAP",
          "The all-in annual cost "
              + annual.movePointRight(2).setScale(2, RoundingMode.UP).toPlainString()
              + "% (rate plus every fee) is above the legal cap of "
              + BigDecimal.valueOf(capBps(), 2).toPlainString()
              + "% ("
              + capMultiple
              + " x LPR)",
          "problem.rate-above-legal-cap");
    }
    return annual.movePointRight(4).setScale(0, RoundingMode.UP).intValueExact();
  }
}
