package com.credence.identity;

import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Whether an investment suits the investor (适当性管理): the answer of {@link
 * IdentityService#checkSuitability}. When not suitable, {@code reason} says why in a stable code.
 *
 * @param suitable true when the investment may go ahead
 * @param reason {@code OK}, {@code KYC_REQUIRED}, {@code RISK_ASSESSMENT_REQUIRED}, {@code
 *     RISK_ASSESSMENT_EXPIRED}, {@code GRADE_NOT_ALLOWED} or {@code HOLDING_LIMIT_EXCEEDED}
 * @param riskLevel the investor's current level, null when none is valid
 * @param holdingLimit how much the level lets the investor hold in total, null when no level
 * @param validUntil last day the assessment is valid, null when none
 */
public record Suitability(
    boolean suitable,
    String reason,
    @Nullable RiskLevel riskLevel,
    @Nullable Money holdingLimit,
    @Nullable LocalDate validUntil) {

  public static final String OK = "OK";
  public static final String KYC_REQUIRED = "KYC_REQUIRED";
  public static final String RISK_ASSESSMENT_REQUIRED = "RISK_ASSESSMENT_REQUIRED";
  public static final String RISK_ASSESSMENT_EXPIRED = "RISK_ASSESSMENT_EXPIRED";
  public static final String GRADE_NOT_ALLOWED = "GRADE_NOT_ALLOWED";
  public static final String HOLDING_LIMIT_EXCEEDED = "HOLDING_LIMIT_EXCEEDED";

  /**
   * The API problem for an unsuitable investment: {@code 403 KYC_REQUIRED} without a verified real
   * name, otherwise {@code 422 NOT_SUITABLE} with the reason in the detail.
   *
   * @throws IllegalStateException when the investment is suitable
   */
  public ProblemException toProblem() {
    if (suitable) {
      throw new IllegalStateException("A suitable investment has no problem");
    }
    if (KYC_REQUIRED.equals(reason)) {
      return new ProblemException(
          403, "KYC_REQUIRED", "Verify your real name before investing", "problem.kyc-required");
    }
    String detail =
        switch (reason) {
          case RISK_ASSESSMENT_REQUIRED -> "Take the risk questionnaire before investing";
          case RISK_ASSESSMENT_EXPIRED -> "Your risk questionnaire has expired; take it again";
          case GRADE_NOT_ALLOWED ->
              "Your risk level " + riskLevel + " does not allow loans of this grade";
          case HOLDING_LIMIT_EXCEEDED ->
              "Your risk level "
                  + riskLevel
                  + " allows holding at most "
                  + (holdingLimit == null ? "" : holdingLimit.toApiString())
                  + " CNY";
          default -> "This investment does not suit your risk level";
        };
    return new ProblemException(
        422,
        "NOT_SUITABLE",
        detail,
        "problem.not-suitable." + reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }
}
