package com.credence.origination;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The risk report as stored with the application and shown to risk officers: the bureau summary
 * (counts and totals, no identity numbers or VINs), the rules fired, the score, the reason codes,
 * the grade, the offered price and the collateral check.
 *
 * @param collateralCheck {@code NOT_APPLICABLE}, or {@code PLEDGED_HERE} when the vehicle is
 *     registered as this application's collateral (the registry refused it otherwise)
 */
public record StoredRiskReport(
    String decision,
    String grade,
    int score,
    String probabilityOfDefault,
    @Nullable String offeredRate,
    String modelVersion,
    List<Rule> rulesFired,
    List<Reason> reasons,
    Bureau bureau,
    String collateralCheck,
    Instant assessedAt) {

  public StoredRiskReport {
    rulesFired = List.copyOf(rulesFired);
    reasons = List.copyOf(reasons);
  }

  /** A rule that fired. */
  public record Rule(String code, String outcome, String detail) {}

  /** A scorecard input that cost points. */
  public record Reason(String feature, String value, String pointsLost) {}

  /** What the credit bureau reported, summarized. */
  public record Bureau(
      int creditHistoryMonths,
      int overdueRecords,
      boolean currentlyOverdue,
      int otherPlatformLoans,
      String outstandingOtherPlatforms,
      int lawsuits,
      int pledgedVehicles) {}
}
