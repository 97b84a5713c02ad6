package com.credence.bank;

import com.credence.bank.domain.Reconciler;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One day's reconciliation of the ledger against the bank's statement.
 *
 * @param status MATCHED, DIFFERENCES (blocks that day's close) or RESOLVED (by an operator)
 */
public record ReconciliationView(
    LocalDate businessDate,
    String status,
    int movements,
    int accounts,
    Instant ranAt,
    @Nullable String resolution,
    List<Reconciler.Difference> differences) {

  public ReconciliationView {
    differences = List.copyOf(differences);
  }
}
