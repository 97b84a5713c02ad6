package com.credence.investment;

import com.credence.risk.Grade;
import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import java.time.LocalDate;
import java.util.Set;

/**
 * An investor's auto-invest rule (API.md) with its revocable authorisation: auto-invest moves money
 * only while {@code enabled}, up to {@code authorisedLimit} in total and until {@code
 * authorisedUntil}.
 */
public record AutoInvestRule(
    boolean enabled,
    AnnualRate minRate,
    AnnualRate maxRate,
    int termMonthsMin,
    int termMonthsMax,
    Set<Grade> grades,
    Money maxPerListing,
    Money reserveBalance,
    Money authorisedLimit,
    LocalDate authorisedUntil,
    Money used) {

  public AutoInvestRule {
    grades = Set.copyOf(grades);
  }
}
