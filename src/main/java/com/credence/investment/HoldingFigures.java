package com.credence.investment;

import com.credence.shared.Money;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by the repayment module, which owns the holders' schedules: what each holding has
 * been repaid so far and what it expects. Investment asks it when it shows holdings and portfolios;
 * when no bean implements it (no loan disbursed yet), a holding's outstanding principal is its
 * principal and nothing is expected.
 */
public interface HoldingFigures {

  /** The figures of the given holdings; holdings unknown to repayment are absent. */
  Map<UUID, Figures> figures(Collection<UUID> holdingIds);

  /**
   * The investor's cash flows month by month, over all their holdings: {@code months} entries
   * starting at {@code from}, months without flows included with zeros.
   */
  List<MonthFlows> monthlyCashFlows(UUID investorId, YearMonth from, int months);

  /**
   * @param outstandingPrincipal principal not yet repaid
   * @param receivedPrincipal principal repaid to the holder
   * @param receivedInterest interest received, after the platform's service fee
   * @param receivedPenalty penalty interest received
   */
  record Figures(
      Money outstandingPrincipal,
      Money receivedPrincipal,
      Money receivedInterest,
      Money receivedPenalty) {}

  /**
   * One month of an investor's cash flows.
   *
   * @param expectedPrincipal principal due to the investor in the month (received or not)
   * @param expectedInterest interest due in the month, after the service fee
   * @param receivedPrincipal principal actually received in the month
   * @param receivedInterest interest and penalty actually received in the month, after the fee
   */
  record MonthFlows(
      YearMonth month,
      Money expectedPrincipal,
      Money expectedInterest,
      Money receivedPrincipal,
      Money receivedInterest) {}
}
