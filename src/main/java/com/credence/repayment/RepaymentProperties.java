package com.credence.repayment;

import com.credence.repayment.domain.Allocation;
import com.credence.repayment.domain.DayCount;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the repayment module ({@code credence.repayment.*}); docs/modules/repayment.md has
 * the table.
 *
 * @param graceDays days after a due date before penalty interest starts
 * @param penaltyRateBps the contracted penalty rate a year, lowered to keep rate plus penalty
 *     within the cap
 * @param rateCapBps the legal cap on the all-in annual cost (4 x one-year LPR)
 * @param dayCount day count for broken periods and penalties
 * @param defaultAfterDays a loan more than this many days overdue is DEFAULTED
 * @param earlyRepaymentFeeBps the contracted fee of a full early repayment, on the outstanding
 *     principal
 * @param allocationOrder the order a payment reaches an installment's parts
 * @param loansPerBatch loans serviced per end-of-day transaction (each a few transfers and a leg
 *     per holder)
 * @param endOfDayWorkers batches the end-of-day run services at once, each on its own connection
 * @param runLease how long a node's claim on a day's run lasts before another node may resume it
 */
@ConfigurationProperties("credence.repayment")
public record RepaymentProperties(
    @DefaultValue("3") int graceDays,
    @DefaultValue("600") int penaltyRateBps,
    @DefaultValue("1200") int rateCapBps,
    @DefaultValue("ACTUAL_365") DayCount dayCount,
    @DefaultValue("90") int defaultAfterDays,
    @DefaultValue("100") int earlyRepaymentFeeBps,
    @DefaultValue({"PENALTY", "FEE", "INTEREST", "PRINCIPAL"})
        List<Allocation.Component> allocationOrder,
    @DefaultValue("500") int loansPerBatch,
    @DefaultValue("2") int endOfDayWorkers,
    @DefaultValue("PT30M") Duration runLease) {

  public RepaymentProperties {
    allocationOrder = List.copyOf(allocationOrder);
    if (graceDays < 0
        || defaultAfterDays < 1
        || loansPerBatch < 1
        || loansPerBatch > 2000
        || endOfDayWorkers < 1
        || endOfDayWorkers > 8) {
      throw new IllegalArgumentException(
          "credence.repayment: grace-days >= 0, default-after-days >= 1, loans-per-batch 1..2000,"
              + " end-of-day-workers 1..8");
    }
  }
}
