package com.credence.origination.persistence;

import com.credence.origination.domain.ApplicationStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of {@code origination.applications}. */
public record ApplicationRow(
    UUID id,
    UUID borrowerId,
    String product,
    String borrowerType,
    ApplicationStatus status,
    long amountMinor,
    int termMonths,
    String repaymentMethod,
    String purpose,
    long monthlyIncomeMinor,
    long monthlyDebtMinor,
    @Nullable Long savingsMinor,
    @Nullable Integer employmentMonths,
    String checkingAccount,
    String housing,
    String job,
    String property,
    String otherParty,
    @Nullable String addressHash,
    @Nullable String deviceHash,
    @Nullable String vin,
    @Nullable String plateMasked,
    @Nullable String certificateMasked,
    @Nullable Long estimatedValueMinor,
    boolean collateralPledged,
    @Nullable String creditCode,
    @Nullable Long annualRevenueMinor,
    @Nullable String legalRepMasked,
    @Nullable String riskReport,
    @Nullable String decision,
    @Nullable String grade,
    @Nullable Integer score,
    @Nullable String refusalCodes,
    @Nullable UUID makerId,
    @Nullable Integer makerRateBps,
    @Nullable Integer approvedRateBps,
    @Nullable UUID listingId,
    int screeningAttempts,
    @Nullable Instant nextScreeningAt,
    Instant createdAt,
    Instant updatedAt) {

  @Override
  public String toString() {
    return "ApplicationRow[" + id + ", " + product + ", " + status + "]";
  }
}
