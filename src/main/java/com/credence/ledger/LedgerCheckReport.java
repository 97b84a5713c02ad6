package com.credence.ledger;

import java.util.List;

/**
 * What {@link LedgerChecker} found.
 *
 * @param transfers transfer rows, split transfers counted once
 * @param legs the split transfers' legs (ADR 0024): with the transfers, every entry written
 * @param sumOfBalancesMinor the sum over all accounts of credits minus debits (posted); 0 when
 *     balanced
 * @param violations the first violations found, in words (at most {@link #VIOLATIONS_MAX})
 */
public record LedgerCheckReport(
    boolean balanced,
    long accounts,
    long transfers,
    long legs,
    long sumOfBalancesMinor,
    List<String> violations) {

  public static final int VIOLATIONS_MAX = 100;

  public LedgerCheckReport {
    violations = List.copyOf(violations);
  }
}
