package com.credence.origination;

import com.credence.risk.Grade;
import com.credence.risk.LoanPurpose;
import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published (through the event publication registry) when the second risk officer approves an
 * application. The investment module listens and opens the listing, then tells origination through
 * {@link ApprovedLoans#markListed}. Carries no personal data in clear: the event is stored as JSON.
 *
 * @param opensAt when the listing opens for investing; null means at once
 * @param upfrontFee the contracted fee the borrower pays the platform at disbursement
 * @param monthlyFee the contracted fee the borrower pays with each installment
 * @param investorServiceFeeBps the platform's service fee on the interest distributed to investors,
 *     in basis points of that interest
 */
public record LoanApproved(
    UUID applicationId,
    UUID borrowerId,
    ProductType product,
    LoanPurpose purpose,
    Money amount,
    AnnualRate annualRate,
    int termMonths,
    RepaymentMethod repaymentMethod,
    Grade grade,
    Money minInvestment,
    Money investmentStep,
    int fundingPeriodDays,
    boolean partialFundingAllowed,
    @Nullable Instant opensAt,
    Money upfrontFee,
    Money monthlyFee,
    int investorServiceFeeBps,
    Disclosure disclosure) {

  /**
   * The per-loan facts an investor sees before investing (REGULATION.md disclosure), already
   * masked: no name, ID number, plate or VIN in clear.
   *
   * @param borrowerSummary e.g. "个人 · 35岁 · 上海" / firm type and years in business, masked
   * @param collateralSummary the pledged vehicle, masked (e.g. "大众 2021 · VIN ****1234 · 估值
   *     ¥120,000.00"); null when unsecured
   * @param riskSummary the grade, score band and the main reason codes in plain words
   * @param risks what can go wrong, in plain words
   */
  public record Disclosure(
      String borrowerSummary,
      @Nullable String collateralSummary,
      String riskSummary,
      String risks) {}
}
