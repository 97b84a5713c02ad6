package com.credence.risk;

import com.credence.shared.AnnualRate;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The risk engine's report on one application.
 *
 * @param bureau the bureau's report it was based on
 * @param rulesFired every rule that fired, in the order checked
 * @param score scorecard points (600 at odds 50:1)
 * @param probabilityOfDefault the scorecard's estimate, scale 6
 * @param reasons the scorecard inputs that cost the most points, worst first
 * @param grade A-E from the probability of default
 * @param offeredRate the grade's annual rate, null for grade E
 * @param decision the worst outcome of the rules and the grade
 * @param modelVersion the scorecard artifact used
 */
public record RiskReport(
    BureauReport bureau,
    List<RuleHit> rulesFired,
    int score,
    BigDecimal probabilityOfDefault,
    List<ReasonCode> reasons,
    Grade grade,
    @Nullable AnnualRate offeredRate,
    Decision decision,
    String modelVersion) {

  public RiskReport {
    rulesFired = List.copyOf(rulesFired);
    reasons = List.copyOf(reasons);
  }

  /** A scorecard input that cost points: its value and how many below its best bin. */
  public record ReasonCode(String feature, String value, BigDecimal pointsLost) {}
}
