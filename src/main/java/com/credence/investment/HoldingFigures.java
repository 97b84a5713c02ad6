package com.credence.investment;

import com.credence.shared.Money;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by the repayment module, which owns the holders' schedules: what each holding has
 * been repaid so far. Investment asks it when it shows holdings and portfolios; when no bean
 * implements it (no loan disbursed yet), a holding's outstanding principal is its principal.
 */
public interface HoldingFigures {

  /** The figures of the given holdings; holdings unknown to repayment are absent. */
  Map<UUID, Figures> figures(Collection<UUID> holdingIds);

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
}
