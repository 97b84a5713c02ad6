package com.credence.ledger.rest;

import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.LedgerChecker;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff operations on the ledger (the security chain limits /api/v1/admin/** to staff). */
@RestController
class LedgerAdminRestController {

  private final LedgerChecker checker;

  LedgerAdminRestController(LedgerChecker checker) {
    this.checker = checker;
  }

  /** Runs the ledger check now. */
  @GetMapping("/api/v1/admin/ledger/check")
  CheckResponse check() {
    LedgerCheckReport report = checker.check();
    return new CheckResponse(
        report.balanced(),
        report.accounts(),
        report.transfers(),
        report.legs(),
        BigDecimal.valueOf(report.sumOfBalancesMinor(), 2).toPlainString(),
        report.violations());
  }

  record CheckResponse(
      boolean balanced,
      long accounts,
      long transfers,
      long legs,
      String sumOfBalances,
      List<String> violations) {}
}
