package com.credence.investment;

import com.credence.investment.persistence.ListingStore;
import com.credence.risk.RiskService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the repayment module tells investment about a disbursed loan: its listing follows the loan's
 * status, and a settled loan releases its collateral.
 */
@Service
public class LoanOutcomes {

  private static final Logger log = LoggerFactory.getLogger(LoanOutcomes.class);

  private static final Set<ListingStatus> LOAN_STATUSES =
      Set.of(ListingStatus.REPAYING, ListingStatus.SETTLED, ListingStatus.DEFAULTED);

  private final ListingStore store;
  private final RiskService risk;
  private final InvestRush rush;

  LoanOutcomes(ListingStore store, RiskService risk, InvestRush rush) {
    this.store = store;
    this.risk = risk;
    this.rush = rush;
  }

  /**
   * The loan is now {@code status} (one of REPAYING, SETTLED, DEFAULTED); idempotent.
   *
   * @throws IllegalArgumentException for any other status, or a loan no listing funded
   */
  @Transactional
  public void loanStatusChanged(UUID loanId, ListingStatus status) {
    loansStatusChanged(List.of(loanId), status);
  }

  /**
   * All these loans are now {@code status}, set-based (the end of day settles many at once);
   * idempotent. Loans without a listing here are logged and left alone.
   *
   * @throws IllegalArgumentException for a status other than REPAYING, SETTLED or DEFAULTED
   */
  @Transactional
  public void loansStatusChanged(Collection<UUID> loanIds, ListingStatus status) {
    if (!LOAN_STATUSES.contains(status)) {
      throw new IllegalArgumentException("A loan's status is REPAYING, SETTLED or DEFAULTED");
    }
    if (loanIds.isEmpty()) {
      return;
    }
    Map<UUID, UUID> listings = store.listingsOfLoans(loanIds);
    if (listings.size() < loanIds.size()) {
      // Only loans this module funded have a listing; anything else is someone else's test or a
      // message for another platform, and must not fail the sender's transaction.
      log.warn(
          "{} of {} loans have no listing here; status {} not recorded for them",
          loanIds.size() - listings.size(),
          loanIds.size(),
          status);
    }
    if (listings.isEmpty()) {
      return;
    }
    store.updateLoanStatuses(listings.keySet(), status);
    if (status == ListingStatus.SETTLED) {
      // Idempotent: a released pledge is not released again.
      risk.releaseCollateral(listings.keySet());
    }
    listings.values().forEach(rush::forget);
  }
}
