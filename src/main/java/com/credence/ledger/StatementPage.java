package com.credence.ledger;

import java.util.List;

/** A page of statement lines, newest first, and the balances of the accounts they belong to. */
public record StatementPage(
    List<StatementLine> items, int page, int size, long total, List<Balance> balances) {

  public StatementPage {
    items = List.copyOf(items);
    balances = List.copyOf(balances);
  }

  public int totalPages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }
}
