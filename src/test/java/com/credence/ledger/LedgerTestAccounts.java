package com.credence.ledger;

import com.credence.shared.Currency;
import java.time.Clock;
import java.util.UUID;

/** Accounts with money in them, made the way the platform makes them, for ledger tests. */
final class LedgerTestAccounts {

  private LedgerTestAccounts() {}

  /** A loan escrow of {@code owner} holding {@code amountMinor}, deposited and repaid into it. */
  static AccountId fundedEscrow(LedgerService ledger, Clock clock, UUID owner, long amountMinor) {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    AccountId borrower =
        ledger.openAccount(AccountKind.BORROWER_FUNDS, UUID.randomUUID(), Currency.CNY);
    AccountId escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, owner, Currency.CNY);
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            bank,
            borrower,
            amountMinor,
            Currency.CNY,
            TransferCode.DEPOSIT,
            "deposit"));
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            borrower,
            escrow,
            amountMinor,
            Currency.CNY,
            TransferCode.REPAYMENT,
            "repay"));
    return escrow;
  }
}
