package com.credence.identity;

import com.credence.shared.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Whether an investment suits the investor (适当性管理): the answer of {@link
 * IdentityService#checkSuitability}. When not suitable, {@code reason} says why in a stable code.
 *
 * @param suitable true when the investment may go ahead
 * @param reason {@code OK}, {@code KYC_REQUIRED}, {@code RISK_ASSESSMENT_REQUIRED},
 *     {@code RISK_ASSESSMENT_EXPIRED}, {@code GRADE_NOT_ALLOWED} or {@code HOLDING_LIMIT_EXCEEDED}
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
}
