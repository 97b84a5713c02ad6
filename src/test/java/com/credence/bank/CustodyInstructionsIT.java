package com.credence.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.bank.domain.Reconciler;
import com.credence.bank.sim.SimulatedBank;
import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.Balance;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Money moved between custody accounts inside the platform (investing, disbursing, fees) reaches
 * the custodian bank as transfer instructions, exactly once, so the daily reconciliation matches.
 */
class CustodyInstructionsIT extends BankTestFixture {

  @Autowired LedgerService ledger;
  @Autowired CustodyInstructions custody;
  @Autowired SimulatedBank simulatedBank;
  @Autowired BankReconciliation reconciliation;
  @Autowired PlatformTransactionManager transactions;

  TestUser borrower;
  AccountId investorFunds;
  AccountId borrowerFunds;
  AccountId escrow;
  AccountId fees;

  @BeforeEach
  void anInvestorAndABorrowerWithMoneyAtTheBank() {
    api.depositAndSettle(user, "1000.00", cardId);
    borrower = IdentityTestUsers.verified(http, "BORROWER");
    String borrowerCard = api.bindCard(borrower, BankApi.newCardNumber());
    api.depositAndSettle(borrower, "10.00", borrowerCard);
    investorFunds = funds(user.userId(), AccountKind.INVESTOR_FUNDS);
    borrowerFunds = funds(borrower.userId(), AccountKind.BORROWER_FUNDS);
    escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, UUID.randomUUID(), Currency.CNY);
    fees = ledger.platformAccount(AccountKind.PLATFORM_FEE_INCOME, Currency.CNY);
    custody.flush();
  }

  @Test
  void investingDisbursingAndFeesReachTheBankOnceAndReconciliationMatches() {
    TransferId freeze = TransferId.newId(clock);
    ledger.createTransfer(
        CreateTransfer.pending(
            freeze,
            investorFunds,
            escrow,
            Money.parseCny("600.00"),
            TransferCode.INVESTMENT,
            "test invest",
            null));
    assertThat(custody.flush()).as("a freeze moves nothing at the bank").isZero();
    assertThat(bankBalance(user.userId())).isEqualTo(1000_00);

    ledger.createTransfers(
        List.of(
            CreateTransfer.post(TransferId.newId(clock), freeze, 600_00, "test full"),
            CreateTransfer.single(
                TransferId.newId(clock),
                escrow,
                borrowerFunds,
                Money.parseCny("600.00"),
                TransferCode.DISBURSEMENT,
                "test disburse"),
            CreateTransfer.single(
                TransferId.newId(clock),
                borrowerFunds,
                fees,
                Money.parseCny("6.00"),
                TransferCode.FEE,
                "test fee")),
        BatchMode.ATOMIC);

    assertThat(custody.flush()).isEqualTo(3);
    assertThat(custody.flush()).as("nothing is instructed twice").isZero();
    assertThat(bankBalance(user.userId())).isEqualTo(400_00);
    assertThat(bankBalance(borrower.userId())).isEqualTo(10_00 + 600_00 - 6_00);
    String escrowAtBank = simulatedBank.accountOf(escrow.value()).orElseThrow();
    assertThat(simulatedBank.balanceOf(escrowAtBank)).isZero();

    assertThat(reconciliation.balanceDifferencesNow(true))
        .extracting(Reconciler.Difference::reference)
        .doesNotContain(
            accountNo(user.userId()),
            accountNo(borrower.userId()),
            escrowAtBank,
            simulatedBank.accountOf(fees.value()).orElseThrow());
  }

  @Test
  void reconciliationCountsMovementsTheBankHasNotHadYet() {
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            investorFunds,
            escrow,
            Money.parseCny("250.00"),
            TransferCode.INVESTMENT,
            "test invest"));
    // Not flushed by hand: the reconciliation itself must instruct or account for it.
    assertThat(reconciliation.balanceDifferencesNow(true))
        .extracting(Reconciler.Difference::reference)
        .doesNotContain(accountNo(user.userId()));
    assertThat(bankBalance(user.userId())).isEqualTo(750_00);
  }

  @Test
  void aLineTheBankRejectsIsReportedAndTheFeedGoesOn() {
    // A user outside custody (a ledger account with no bank sub-account) pays into the escrow: the
    // bank cannot be told, so the escrow's payout to the borrower finds no money at the bank.
    AccountId outside =
        ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    AccountId settlement = ledger.platformAccount(AccountKind.BANK_SETTLEMENT, Currency.CNY);
    ledger.createTransfers(
        List.of(
            CreateTransfer.single(
                TransferId.newId(clock),
                settlement,
                outside,
                Money.parseCny("50.00"),
                TransferCode.DEPOSIT,
                "outside deposit"),
            CreateTransfer.single(
                TransferId.newId(clock),
                outside,
                escrow,
                Money.parseCny("50.00"),
                TransferCode.INVESTMENT,
                "outside invest"),
            CreateTransfer.single(
                TransferId.newId(clock),
                escrow,
                borrowerFunds,
                Money.parseCny("50.00"),
                TransferCode.DISBURSEMENT,
                "disburse without money at the bank")),
        BatchMode.ATOMIC);
    assertThat(custody.flush()).as("the only instructable line is rejected").isZero();
    assertThat(bankBalance(borrower.userId())).isEqualTo(10_00);
    assertThat(reconciliation.balanceDifferencesNow(false))
        .extracting(Reconciler.Difference::reference)
        .as("the borrower's balance differs, and the reconciliation says so")
        .contains(accountNo(borrower.userId()));

    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            investorFunds,
            escrow,
            Money.parseCny("20.00"),
            TransferCode.INVESTMENT,
            "after the rejection"));
    assertThat(custody.flush()).as("the feed is not stuck behind the rejected line").isEqualTo(1);
    assertThat(bankBalance(user.userId())).isEqualTo(980_00);
    // Put the bank right as an operator would, so later tests start from matching books.
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            borrowerFunds,
            escrow,
            Money.parseCny("50.00"),
            TransferCode.REPAYMENT,
            "correction"));
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            escrow,
            outside,
            Money.parseCny("50.00"),
            TransferCode.DISTRIBUTION,
            "correction"));
    custody.flush();
    assertThat(reconciliation.balanceDifferencesNow(false))
        .extracting(Reconciler.Difference::reference)
        .doesNotContain(accountNo(borrower.userId()));
  }

  @Test
  void aTransactionThatCommitsLateIsStillInstructed() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> slow =
          pool.submit(
              () ->
                  tx.executeWithoutResult(
                      status -> {
                        ledger.createTransfer(
                            CreateTransfer.single(
                                TransferId.newId(clock),
                                investorFunds,
                                escrow,
                                Money.parseCny("100.00"),
                                TransferCode.INVESTMENT,
                                "slow"));
                        written.countDown();
                        await(release);
                      }));
      assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
      // A later transaction commits first and is fed while the slow one is still open.
      ledger.createTransfer(
          CreateTransfer.single(
              TransferId.newId(clock),
              borrowerFunds,
              fees,
              Money.parseCny("1.00"),
              TransferCode.FEE,
              "fast"));
      custody.flush();
      assertThat(bankBalance(user.userId()))
          .as("the open transaction's transfer is not sent before it ends")
          .isEqualTo(1000_00);
      release.countDown();
      slow.get(30, TimeUnit.SECONDS);
      custody.flush();
      assertThat(bankBalance(user.userId())).isEqualTo(900_00);
      assertThat(bankBalance(borrower.userId())).isEqualTo(9_00);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentMovementsAndFlushesEndWithTheBankEqualToTheLedger() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    ledger.createTransfers(
                        List.of(
                            CreateTransfer.single(
                                TransferId.newId(clock),
                                investorFunds,
                                escrow,
                                Money.parseCny("1.00"),
                                TransferCode.INVESTMENT,
                                "c invest"),
                            CreateTransfer.single(
                                TransferId.newId(clock),
                                escrow,
                                borrowerFunds,
                                Money.parseCny("1.00"),
                                TransferCode.DISBURSEMENT,
                                "c disburse")),
                        BatchMode.ATOMIC);
                  }
                }));
      }
      for (int t = 0; t < 2; t++) {
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    custody.flush();
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    custody.flush();
    assertThat(bankBalance(user.userId())).isEqualTo(ledgerTotal(user.userId())).isEqualTo(900_00);
    assertThat(bankBalance(borrower.userId()))
        .isEqualTo(ledgerTotal(borrower.userId()))
        .isEqualTo(110_00);
  }

  private AccountId funds(UUID owner, AccountKind kind) {
    return ledger.balancesOf(owner).stream()
        .filter(b -> b.kind() == kind)
        .map(Balance::accountId)
        .findFirst()
        .orElseThrow();
  }

  private long ledgerTotal(UUID owner) {
    return ledger.balancesOf(owner).stream().mapToLong(Balance::totalMinor).sum();
  }

  private String accountNo(UUID userId) {
    return simulatedBank.accountOf(userId).orElseThrow();
  }

  private long bankBalance(UUID userId) {
    return simulatedBank.balanceOf(accountNo(userId));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
