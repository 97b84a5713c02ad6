package com.credence.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Voids expired pending transfers (freezes whose timeout passed), in bounded batches. */
@Component
class LedgerJobs {

  private static final Logger log = LoggerFactory.getLogger(LedgerJobs.class);
  private static final int EXPIRY_BATCH_SIZE = 1_000;

  private final LedgerService ledger;

  LedgerJobs(LedgerService ledger) {
    this.ledger = ledger;
  }

  @Scheduled(
      fixedDelayString = "${credence.ledger.expiry-interval:PT1M}",
      initialDelayString = "PT1M")
  void expirePendingTransfers() {
    int voided = ledger.expirePendingTransfers(EXPIRY_BATCH_SIZE);
    if (voided > 0) {
      log.info("Voided {} expired pending transfers", voided);
    }
  }
}
