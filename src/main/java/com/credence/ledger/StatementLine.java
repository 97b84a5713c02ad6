package com.credence.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One transfer as seen from one account, with the account's balance right after it.
 *
 * @param direction whether the transfer debited or credited this account
 * @param balanceAfterMinor posted balance (credits minus debits) after this line
 * @param frozenAfterMinor pending debits after this line
 */
public record StatementLine(
    long sequence,
    TransferId transferId,
    AccountId accountId,
    AccountKind accountKind,
    TransferType type,
    TransferCode code,
    Direction direction,
    long amountMinor,
    long balanceAfterMinor,
    long frozenAfterMinor,
    String reference,
    LocalDate businessDate,
    Instant createdAt) {

  public enum Direction {
    DEBIT,
    CREDIT
  }
}
