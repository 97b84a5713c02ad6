package com.credence.bank;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The bank's scheduled jobs: the janitor for unanswered orders and the T+1 reconciliation. Plain
 * {@code @Scheduled} methods: both are safe to run on two nodes at once (an order settles once by
 * its conditional status update; a reconciliation run replaces the day's earlier result).
 */
@Component
class BankJobs {

  private final BankService bank;
  private final BankReconciliation reconciliation;
  private final BankProperties properties;

  BankJobs(BankService bank, BankReconciliation reconciliation, BankProperties properties) {
    this.bank = bank;
    this.reconciliation = reconciliation;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${credence.bank.janitor-interval:60s}",
      initialDelayString = "${credence.bank.janitor-interval:60s}")
  void janitor() {
    bank.resolveOpenOrders(properties.pendingTimeout());
  }

  @Scheduled(cron = "${credence.bank.reconciliation-cron:0 0 2 * * *}", zone = "Asia/Shanghai")
  void reconcile() {
    reconciliation.reconcileYesterday();
  }
}
