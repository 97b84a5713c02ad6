package com.credence.ledger;

import com.credence.ledger.domain.LedgerAudit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the whole ledger in one consistent snapshot: per currency the sum of debits equals the sum
 * of credits, each account's counters equal the sums of its transfers, no flagged account is beyond
 * its limit, no pending transfer was resolved twice. Runs in tests, on demand (admin API) and
 * nightly. A failure is logged at ERROR and shows in the gauge {@code credence_ledger_imbalance}
 * (the number of violations; 0 when balanced).
 */
@Component
public class LedgerChecker {

  private static final Logger log = LoggerFactory.getLogger(LedgerChecker.class);

  private final LedgerService ledger;
  private final AtomicLong imbalance = new AtomicLong();

  LedgerChecker(LedgerService ledger, MeterRegistry meters) {
    this.ledger = ledger;
    Gauge.builder("credence.ledger.imbalance", imbalance, AtomicLong::get)
        .description("Violations found by the last ledger check; 0 when the ledger balances")
        .register(meters);
  }

  public LedgerCheckReport check() {
    LedgerCheckReport report = ledger.audit(new LedgerAudit());
    imbalance.set(report.balanced() ? 0 : Math.max(1, report.violations().size()));
    if (!report.balanced()) {
      log.error(
          "Ledger check FAILED: {} accounts, {} transfers, {} legs, sum of balances {},"
              + " violations: {}",
          report.accounts(),
          report.transfers(),
          report.legs(),
          report.sumOfBalancesMinor(),
          report.violations());
    } else {
      log.info(
          "Ledger check passed: {} accounts, {} transfers, {} legs",
          report.accounts(),
          report.transfers(),
          report.legs());
    }
    return report;
  }

  /**
   * Nightly, after the end-of-day jobs. Every node runs it; it only reads, so running twice is
   * harmless (a cluster-wide scheduler may take it over later).
   */
  @Scheduled(cron = "${credence.ledger.check-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
  void nightly() {
    check();
  }

  /** The value of the imbalance gauge. */
  public long imbalance() {
    return imbalance.get();
  }
}
