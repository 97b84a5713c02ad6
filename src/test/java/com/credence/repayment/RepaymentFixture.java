package com.credence.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.investment.LoanFunded;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.shared.AnnualRate;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Funded loans for the repayment tests, made the way the investment module makes them: ledger
 * accounts for the borrower, the investors and the loan's escrow, money on the borrower's account
 * (a deposit from the bank settlement account), then {@link LoanFunded} published in a transaction;
 * waits until the listener has booked the loan.
 */
final class RepaymentFixture {

  private final LedgerService ledger;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final RepaymentService repayment;
  private final Clock clock;

  RepaymentFixture(
      LedgerService ledger,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      RepaymentService repayment,
      Clock clock) {
    this.ledger = ledger;
    this.events = events;
    this.tx = tx;
    this.repayment = repayment;
    this.clock = clock;
  }

  record Holder(UUID holdingId, UUID investorId, AccountId account, long principalMinor) {}

  record Loan(
      UUID loanId,
      UUID borrowerId,
      AccountId borrowerAccount,
      AccountId escrow,
      List<Holder> holders) {}

  /** A loan and its terms; {@link #fund} publishes it. */
  record Terms(
      long principalMinor,
      int rateBps,
      int termMonths,
      RepaymentMethod method,
      LocalDate valueDate,
      long monthlyFeeMinor,
      int serviceFeeBps,
      long[] holdings) {

    /**
     * 10,000 CNY at 9.00% in equal installments, a 3.00 CNY monthly fee, a 10% service fee, held
     * 5,000 / 3,000 / 2,000 CNY.
     */
    static Terms equalInstallments(int termMonths, LocalDate valueDate) {
      return new Terms(
          1_000_000,
          900,
          termMonths,
          RepaymentMethod.EQUAL_INSTALLMENT,
          valueDate,
          300,
          1000,
          new long[] {500_000, 300_000, 200_000});
    }
  }

  Loan fund(UUID borrowerId, Terms t) {
    UUID loanId = UUID.randomUUID();
    AccountId borrowerAccount =
        ledger.openAccount(AccountKind.BORROWER_FUNDS, borrowerId, Currency.CNY);
    AccountId escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, loanId, Currency.CNY);
    List<Holder> holders = new ArrayList<>();
    List<LoanFunded.FundedHolding> funded = new ArrayList<>();
    for (long principal : t.holdings()) {
      UUID investor = UUID.randomUUID();
      AccountId account = ledger.openAccount(AccountKind.INVESTOR_FUNDS, investor, Currency.CNY);
      Holder h = new Holder(UUID.randomUUID(), investor, account, principal);
      holders.add(h);
      funded.add(
          new LoanFunded.FundedHolding(h.holdingId(), investor, account, Money.cny(principal)));
    }
    LoanFunded event =
        new LoanFunded(
            loanId,
            UUID.randomUUID(),
            loanId,
            borrowerId,
            Money.cny(t.principalMinor()),
            AnnualRate.ofBps(t.rateBps()),
            t.termMonths(),
            t.method(),
            t.valueDate(),
            escrow,
            borrowerAccount,
            Money.cny(t.monthlyFeeMinor()),
            t.serviceFeeBps(),
            funded);
    tx.executeWithoutResult(s -> events.publishEvent(event));
    awaitBooked(borrowerId, loanId);
    return new Loan(loanId, borrowerId, borrowerAccount, escrow, List.copyOf(holders));
  }

  void deposit(AccountId account, long amountMinor) {
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            ledger.platformAccount(AccountKind.BANK_SETTLEMENT, Currency.CNY),
            account,
            amountMinor,
            Currency.CNY,
            TransferCode.DEPOSIT,
            "test deposit"));
  }

  long balance(AccountId account) {
    return ledger.balance(account).totalMinor();
  }

  private void awaitBooked(UUID borrowerId, UUID loanId) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        assertThat(repayment.loan(borrowerId, Set.of(), loanId).loanId()).isEqualTo(loanId);
        return;
      } catch (ProblemException e) {
        sleep();
      }
    }
    throw new AssertionError("loan " + loanId + " was not booked");
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
