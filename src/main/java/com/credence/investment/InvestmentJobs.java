package com.credence.investment;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The auto-invest job, and the deadline job: fails (or partially funds) listings past their
 * deadline and disburses full listings a crashed node left behind. Safe on several nodes: each
 * listing is settled under its row lock with the status checked again, so a second node finds
 * nothing to do.
 */
@Component
class InvestmentJobs {

  private final Funding funding;
  private final AutoInvest autoInvest;

  InvestmentJobs(Funding funding, AutoInvest autoInvest) {
    this.funding = funding;
    this.autoInvest = autoInvest;
  }

  /** Auto-invest for listings whose opening time has come (claimed once per listing). */
  @Scheduled(
      fixedDelayString = "${credence.investment.auto-invest-interval:2s}",
      initialDelayString = "${credence.investment.auto-invest-interval:2s}")
  void runAutoInvest() {
    autoInvest.runDue();
  }

  @Scheduled(
      fixedDelayString = "${credence.investment.deadline-interval:30s}",
      initialDelayString = "${credence.investment.deadline-interval:30s}")
  void settleDueListings() {
    funding.settleDue();
  }
}
