package com.credence.investment;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The deadline job: fails (or partially funds) listings past their deadline and disburses full
 * listings a crashed node left behind. Safe on several nodes: each listing is settled under its row
 * lock with the status checked again, so a second node finds nothing to do.
 */
@Component
class InvestmentJobs {

  private final Funding funding;

  InvestmentJobs(Funding funding) {
    this.funding = funding;
  }

  @Scheduled(
      fixedDelayString = "${credence.investment.deadline-interval:30s}",
      initialDelayString = "${credence.investment.deadline-interval:30s}")
  void settleDueListings() {
    funding.settleDue();
  }
}
