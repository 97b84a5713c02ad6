package com.credence.investment.persistence;

import com.credence.investment.ListingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of {@code investment.listings}. */
public record ListingRow(
    UUID id,
    UUID applicationId,
    UUID borrowerId,
    String title,
    String product,
    String purpose,
    String grade,
    int annualRateBps,
    int termMonths,
    String repaymentMethod,
    long amountMinor,
    long raisedMinor,
    long minInvestmentMinor,
    long stepMinor,
    boolean partialAllowed,
    Instant opensAt,
    Instant closesAt,
    ListingStatus status,
    long upfrontFeeMinor,
    long monthlyFeeMinor,
    int investorServiceFeeBps,
    UUID escrowAccountId,
    String borrowerSummary,
    @Nullable String collateralSummary,
    String riskSummary,
    String risks,
    @Nullable UUID loanId,
    @Nullable Long principalMinor,
    @Nullable LocalDate valueDate,
    Instant createdAt) {

  public long remainingMinor() {
    return amountMinor - raisedMinor;
  }

  /** Open for bids at {@code now}: status OPEN and within opening time and deadline. */
  public boolean isOpenAt(Instant now) {
    return status == ListingStatus.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
  }
}
