package com.credence.bank;

import com.credence.shared.BusinessDayEnded;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The bank's jobs: the janitor for unanswered orders (a plain {@code @Scheduled} method, safe on
 * two nodes at once because an order settles once by its conditional status update) and the T+1
 * reconciliation on {@link BusinessDayEnded} (a rerun replaces the day's earlier result).
 */
@Component
class BankJobs {

  private final BankService bank;
  private final BankReconciliation reconciliation;
  private final BankProperties properties;
  private final CustodyInstructions custody;

  BankJobs(
      BankService bank,
      BankReconciliation reconciliation,
      BankProperties properties,
      CustodyInstructions custody) {
    this.custody = custody;
    this.bank = bank;
    this.reconciliation = reconciliation;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${credence.bank.janitor-interval:60s}",
      initialDelayString = "${credence.bank.janitor-interval:60s}")
  void janitor() {
    bank.resolveOpenOrders(properties.pendingTimeout());
    bank.purgeCallbackNonces();
  }

  /**
   * Instructs the bank of the movements between custody accounts since the last run. Safe on two
   * nodes: the bank applies each batch of its chain once.
   */
  @Scheduled(
      fixedDelayString = "${credence.bank.custody-interval:5s}",
      initialDelayString = "${credence.bank.custody-interval:5s}")
  void custody() {
    custody.flush();
  }

  /**
   * T+1: reconciles each business date when the platform announces that it ended (the end-of-day
   * trigger). Differences are recorded, not thrown, so the announcement itself goes on; the day's
   * close must ask {@link BankReconciliation#closeBlocked}.
   */
  @EventListener
  void dayEnded(BusinessDayEnded event) {
    reconciliation.reconcile(event.date());
  }
}
