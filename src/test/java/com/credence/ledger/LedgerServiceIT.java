package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.shared.Currency;
import com.credence.shared.Money;
import com.credence.support.IntegrationTestBase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger on the real PostgreSQL: flows, typed refusals that write nothing, two phases,
 * immutability.
 */
class LedgerServiceIT extends IntegrationTestBase {

  @Autowired LedgerService ledger;

  @Autowired LedgerChecker checker;

  @Autowired JdbcTemplate jdbc;

  @Autowired Clock clock;

  @Autowired PlatformTransactionManager transactions;

  AccountId bank;
  AccountId investor;
  AccountId borrower;
  AccountId escrow;
  AccountId fees;

  @BeforeEach
  void openAccounts() {
    bank = ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    investor = ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    borrower = ledger.openAccount(AccountKind.BORROWER_FUNDS, UUID.randomUUID(), Currency.CNY);
    escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, UUID.randomUUID(), Currency.CNY);
    fees = ledger.platformAccount(AccountKind.PLATFORM_FEE_INCOME, Currency.CNY);
  }

  @Test
  void openingTheSameAccountTwiceAnswersTheSameId() {
    UUID owner = UUID.randomUUID();
    assertThat(ledger.openAccount(AccountKind.INVESTOR_FUNDS, owner, Currency.CNY))
        .isEqualTo(ledger.openAccount(AccountKind.INVESTOR_FUNDS, owner, Currency.CNY));
  }

  @Test
  void investorMoneyTravelsThroughEscrowToTheBorrowerAndBack() {
    deposit(investor, 1_000_00);
    TransferId freeze = id();
    ledger.createTransfer(
        CreateTransfer.pending(
            freeze,
            investor,
            escrow,
            Money.cny(600_00),
            TransferCode.INVESTMENT,
            "listing-1",
            Duration.ofHours(1)));
    assertThat(ledger.balance(investor))
        .isEqualTo(
            new Balance(
                investor, AccountKind.INVESTOR_FUNDS, Currency.CNY, 400_00, 600_00, 1_000_00));
    ledger.createTransfer(CreateTransfer.post(id(), freeze, 500_00, "listing-1 full"));
    assertThat(ledger.balance(investor).availableMinor()).isEqualTo(500_00);
    assertThat(ledger.balance(investor).frozenMinor()).isZero();
    ledger.createTransfers(
        List.of(
            CreateTransfer.single(
                id(), escrow, fees, Money.cny(10_00), TransferCode.FEE, "loan-1 fee"),
            CreateTransfer.single(
                id(), escrow, borrower, Money.cny(490_00), TransferCode.DISBURSEMENT, "loan-1"),
            CreateTransfer.single(
                id(), borrower, escrow, Money.cny(100_00), TransferCode.REPAYMENT, "loan-1 #1"),
            CreateTransfer.single(
                id(), escrow, investor, Money.cny(100_00), TransferCode.DISTRIBUTION, "loan-1 #1")),
        BatchMode.ATOMIC);
    assertThat(ledger.balance(investor).totalMinor()).isEqualTo(600_00);
    assertThat(ledger.balance(borrower).totalMinor()).isEqualTo(390_00);
    assertThat(ledger.balance(escrow).totalMinor()).isZero();
    assertThat(checker.check().balanced()).isTrue();
  }

  @Test
  void everyRefusalIsTypedAndWritesNothing() {
    deposit(investor, 100_00);
    long before = transferCount();
    assertRefused(
        single(bank, investor, 0, TransferCode.DEPOSIT), LedgerException.InvalidAmount.class);
    assertRefused(
        single(bank, investor, -1, TransferCode.DEPOSIT), LedgerException.InvalidAmount.class);
    assertRefused(
        single(bank, investor, Money.MAX_MINOR + 1, TransferCode.DEPOSIT),
        LedgerException.InvalidAmount.class);
    assertRefused(
        single(new AccountId(UUID.randomUUID()), investor, 1, TransferCode.DEPOSIT),
        LedgerException.AccountNotFound.class);
    assertRefused(
        single(investor, borrower, 1, TransferCode.INVESTMENT),
        LedgerException.FlowNotAllowed.class);
    assertRefused(
        single(fees, investor, 1, TransferCode.DISTRIBUTION), LedgerException.FlowNotAllowed.class);
    assertRefused(
        single(investor, escrow, 100_01, TransferCode.INVESTMENT),
        LedgerException.InsufficientFunds.class);
    assertRefused(CreateTransfer.post(id(), id(), 1, "x"), LedgerException.TransferNotFound.class);
    assertThat(transferCount()).isEqualTo(before);
    assertThat(ledger.balance(investor).availableMinor()).isEqualTo(100_00);
  }

  @Test
  void refusalsCarryStableCodesAndStatuses() {
    LedgerException e = LedgerException.of(LedgerError.INSUFFICIENT_FUNDS, "x");
    assertThat(e.code()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(e.status()).isEqualTo(422);
    assertThat(LedgerException.of(LedgerError.TRANSFER_ID_REUSED, "x").status()).isEqualTo(409);
    assertThat(LedgerException.of(LedgerError.ACCOUNT_NOT_FOUND, "x").status()).isEqualTo(404);
  }

  @Test
  void theSameIdWithTheSameFieldsReturnsTheExistingTransfer() {
    CreateTransfer deposit = single(bank, investor, 50_00, TransferCode.DEPOSIT);
    TransferResult first = ledger.createTransfer(deposit);
    TransferResult again = ledger.createTransfer(deposit);
    assertThat(first.status()).isEqualTo(TransferResult.Status.CREATED);
    assertThat(again.status()).isEqualTo(TransferResult.Status.ALREADY_EXISTS);
    assertThat(again.transfer()).isEqualTo(first.transfer());
    assertThat(ledger.balance(investor).totalMinor()).isEqualTo(50_00);
    CreateTransfer changed =
        CreateTransfer.single(
            deposit.id(),
            bank,
            investor,
            51_00,
            Currency.CNY,
            TransferCode.DEPOSIT,
            deposit.reference());
    assertRefused(changed, LedgerException.TransferIdReused.class);
  }

  @Test
  void aPendingTransferIsResolvedOnceNeverTwice() {
    deposit(investor, 100_00);
    TransferId freeze = id();
    ledger.createTransfer(
        CreateTransfer.pending(
            freeze, investor, escrow, Money.cny(100_00), TransferCode.INVESTMENT, "bid", null));
    ledger.createTransfer(CreateTransfer.voidPending(id(), freeze, "listing failed"));
    assertRefused(
        CreateTransfer.post(id(), freeze, 100_00, "late post"),
        LedgerException.PendingAlreadyResolved.class);
    assertRefused(
        CreateTransfer.voidPending(id(), freeze, "again"),
        LedgerException.PendingAlreadyResolved.class);
    assertThat(ledger.balance(investor))
        .isEqualTo(
            new Balance(investor, AccountKind.INVESTOR_FUNDS, Currency.CNY, 100_00, 0, 100_00));
  }

  @Test
  void anExpiredFreezeCannotBePostedAndIsVoidedByTheExpiryJob() throws InterruptedException {
    deposit(investor, 100_00);
    TransferId freeze = id();
    ledger.createTransfer(
        CreateTransfer.pending(
            freeze,
            investor,
            escrow,
            Money.cny(30_00),
            TransferCode.INVESTMENT,
            "bid",
            Duration.ofMillis(300)));
    Thread.sleep(400);
    assertRefused(
        CreateTransfer.post(id(), freeze, 30_00, "too late"), LedgerException.PendingExpired.class);
    ledger.expirePendingTransfers(1_000);
    assertThat(ledger.balance(investor).frozenMinor()).isZero();
    assertRefused(
        CreateTransfer.voidPending(id(), freeze, "again"),
        LedgerException.PendingAlreadyResolved.class);
  }

  @Test
  void atomicBatchWithOneBadTransferWritesNothing() {
    long before = transferCount();
    List<CreateTransfer> batch =
        List.of(
            single(bank, investor, 10_00, TransferCode.DEPOSIT),
            single(investor, escrow, 50_00, TransferCode.INVESTMENT),
            single(bank, investor, 5_00, TransferCode.DEPOSIT));
    assertThatThrownBy(() -> ledger.createTransfers(batch, BatchMode.ATOMIC))
        .isInstanceOf(LedgerException.InsufficientFunds.class);
    assertThat(transferCount()).isEqualTo(before);
    assertThat(ledger.balance(investor).totalMinor()).isZero();
  }

  @Test
  void eachModeBatchReportsTheBadTransferAndWritesTheOthers() {
    List<CreateTransfer> batch =
        List.of(
            single(bank, investor, 10_00, TransferCode.DEPOSIT),
            single(investor, escrow, 50_00, TransferCode.INVESTMENT),
            single(bank, investor, 5_00, TransferCode.DEPOSIT));
    List<TransferResult> results = ledger.createTransfers(batch, BatchMode.EACH);
    assertThat(results)
        .extracting(TransferResult::error)
        .containsExactly(null, LedgerError.INSUFFICIENT_FUNDS, null);
    assertThat(ledger.balance(investor).totalMinor()).isEqualTo(15_00);
  }

  @Test
  void aBatchOfAThousandIsWrittenInOneCall() {
    List<CreateTransfer> batch = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      batch.add(single(bank, i % 2 == 0 ? investor : borrower, 1 + i, TransferCode.DEPOSIT));
    }
    assertThat(ledger.createTransfers(batch, BatchMode.ATOMIC)).allMatch(TransferResult::accepted);
    assertThat(ledger.balance(bank).totalMinor()).isEqualTo(1_000L * 1_001 / 2);
  }

  @Test
  void transfersAreNeverUpdatedOrDeletedAndAccountsKeepTheirIdentity() {
    TransferId deposit = deposit(investor, 1_00);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE ledger.transfer SET amount_minor = 2 WHERE id = ?", deposit.value()))
        .hasMessageContaining("not allowed");
    assertThatThrownBy(
            () -> jdbc.update("DELETE FROM ledger.transfer WHERE id = ?", deposit.value()))
        .hasMessageContaining("not allowed");
    assertThatThrownBy(
            () -> jdbc.update("DELETE FROM ledger.account WHERE id = ?", investor.value()))
        .hasMessageContaining("not allowed");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE ledger.account SET kind = 'LOAN_ESCROW' WHERE id = ?",
                    investor.value()))
        .hasMessageContaining("not allowed");
    ledger.createTransfer(single(investor, bank, 1_00, TransferCode.WITHDRAWAL));
    // The counters may change, but never so that a flagged account goes negative.
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE ledger.account SET credits_posted = credits_posted - 1 WHERE id = ?",
                    investor.value()))
        .hasMessageContaining("account_debits_within_credits");
    assertThat(ledger.balance(investor).totalMinor()).isZero();
  }

  @Test
  void aMistakeIsCorrectedByAReversingTransfer() {
    deposit(investor, 70_00);
    ledger.createTransfer(single(investor, bank, 70_00, TransferCode.REVERSAL));
    assertThat(ledger.balance(investor).totalMinor()).isZero();
    assertRefused(
        single(bank, escrow, 1, TransferCode.REVERSAL), LedgerException.FlowNotAllowed.class);
  }

  @Test
  void theStatementHasRunningBalances() {
    UUID owner = UUID.randomUUID();
    AccountId mine = ledger.openAccount(AccountKind.INVESTOR_FUNDS, owner, Currency.CNY);
    deposit(mine, 100_00);
    TransferId freeze = id();
    ledger.createTransfer(
        CreateTransfer.pending(
            freeze, mine, escrow, Money.cny(40_00), TransferCode.INVESTMENT, "bid", null));
    ledger.createTransfer(CreateTransfer.post(id(), freeze, 40_00, "full"));
    StatementPage page = ledger.statement(owner, null, null, 0, 2);
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.totalPages()).isEqualTo(2);
    assertThat(page.items())
        .extracting(StatementLine::type)
        .containsExactly(TransferType.POST_PENDING, TransferType.PENDING);
    assertThat(page.items().get(0).balanceAfterMinor()).isEqualTo(60_00);
    assertThat(page.items().get(0).frozenAfterMinor()).isZero();
    assertThat(page.items().get(1).balanceAfterMinor()).isEqualTo(100_00);
    assertThat(page.items().get(1).frozenAfterMinor()).isEqualTo(40_00);
    assertThat(page.balances()).extracting(Balance::totalMinor).containsExactly(60_00L);
    assertThat(ledger.statement(owner, null, null, 1, 2).items())
        .extracting(StatementLine::code)
        .containsExactly(TransferCode.DEPOSIT);
  }

  @Test
  void transfersJoinTheCallersTransaction() {
    TransactionTemplate caller = new TransactionTemplate(transactions);
    CreateTransfer deposit = single(bank, investor, 10_00, TransferCode.DEPOSIT);
    assertThatThrownBy(
            () ->
                caller.executeWithoutResult(
                    tx -> {
                      ledger.createTransfer(deposit);
                      throw new IllegalStateException("the caller fails after the transfer");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ledger.transfer(deposit.id())).isEmpty();
    caller.executeWithoutResult(
        tx -> {
          ledger.createTransfer(deposit);
          assertThatThrownBy(
                  () ->
                      ledger.createTransfer(
                          single(investor, escrow, 50_00, TransferCode.INVESTMENT)))
              .isInstanceOf(LedgerException.InsufficientFunds.class);
        });
    assertThat(ledger.balance(investor).totalMinor())
        .as("a handled refusal does not roll back the caller")
        .isEqualTo(10_00);
  }

  @Test
  void theCheckerFindsTheLedgerBalanced() {
    deposit(investor, 12_34);
    LedgerCheckReport report = checker.check();
    assertThat(report.balanced()).as("%s", report.violations()).isTrue();
    assertThat(report.sumOfBalancesMinor()).isZero();
    assertThat(report.accounts()).isPositive();
    assertThat(checker.imbalance()).isZero();
  }

  private TransferId deposit(AccountId to, long amountMinor) {
    CreateTransfer deposit = single(bank, to, amountMinor, TransferCode.DEPOSIT);
    ledger.createTransfer(deposit);
    return deposit.id();
  }

  private CreateTransfer single(
      AccountId debit, AccountId credit, long amountMinor, TransferCode code) {
    return CreateTransfer.single(id(), debit, credit, amountMinor, Currency.CNY, code, "test");
  }

  private void assertRefused(CreateTransfer command, Class<? extends LedgerException> type) {
    assertThatThrownBy(() -> ledger.createTransfer(command)).isInstanceOf(type);
  }

  private long transferCount() {
    return jdbc.queryForObject("SELECT count(*) FROM ledger.transfer", Long.class);
  }

  private TransferId id() {
    return TransferId.newId(clock);
  }
}
