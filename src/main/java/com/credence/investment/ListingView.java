package com.credence.investment;

import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A listing as investors see it, with the per-loan disclosure (REGULATION.md), already masked.
 *
 * @param loanId set once the listing is FULL and disbursed
 */
public record ListingView(
    UUID listingId,
    String title,
    String product,
    String purpose,
    String grade,
    AnnualRate annualRate,
    int termMonths,
    String repaymentMethod,
    Money amount,
    Money raised,
    Money minInvestment,
    Money investmentStep,
    ListingStatus status,
    Instant opensAt,
    Instant closesAt,
    @Nullable UUID loanId,
    @Nullable LocalDate valueDate,
    String borrowerSummary,
    @Nullable String collateralSummary,
    String riskSummary,
    String risks) {

  public Money remaining() {
    return amount.minus(raised);
  }

  /** Raised share of the amount in whole percent, rounded down (100 only when full). */
  public int progressPercent() {
    return (int) (raised.amountMinor() * 100 / amount.amountMinor());
  }
}
