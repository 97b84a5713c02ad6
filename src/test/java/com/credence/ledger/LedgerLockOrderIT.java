package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.Currency;
import com.credence.support.IntegrationTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that creates transfers in several calls (a listing's funding) against a batch that
 * locks the same accounts in order (the invest rush): with {@link LedgerService#lockAccounts} first
 * both commit; without it, the same interleaving deadlocks, which shows the test can fail.
 */
class LedgerLockOrderIT extends IntegrationTestBase {

  @Autowired LedgerService ledger;
  @Autowired LedgerChecker checker;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  @Test
  void aTransactionWritingInSeveralCallsAfterLockingItsAccountsNeverDeadlocks() throws Exception {
    Accounts a = accounts();
    List<Throwable> failures = interleave(a, true);
    assertThat(failures).isEmpty();
    assertThat(ledger.balance(a.low()).totalMinor()).isEqualTo(200);
    assertThat(ledger.balance(a.high()).totalMinor()).isEqualTo(200);
    assertThat(checker.check().balanced()).isTrue();
  }

  @Test
  void withoutLockingFirstTheSameInterleavingDeadlocks() throws Exception {
    Accounts a = accounts();
    List<Throwable> failures = interleave(a, false);
    assertThat(failures)
        .as("PostgreSQL broke the deadlock by failing one of the two")
        .hasSize(1)
        .allMatch(e -> e instanceof PessimisticLockingFailureException);
    assertThat(checker.check().balanced()).isTrue();
  }

  /** Two investor accounts in PostgreSQL's lock order, and one funded escrow per writer. */
  private record Accounts(AccountId low, AccountId high, AccountId escrow1, AccountId escrow2) {}

  /**
   * The writer locks nothing or everything first, then credits {@code high} and, once the batch
   * waits for a lock, {@code low}; the batch credits both in one call (locking {@code low} first).
   */
  private List<Throwable> interleave(Accounts a, boolean lockFirst) throws Exception {
    CountDownLatch firstCallDone = new CountDownLatch(1);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          pool.submit(
              () ->
                  tx.executeWithoutResult(
                      s -> {
                        if (lockFirst) {
                          ledger.lockAccounts(List.of(a.escrow1(), a.high(), a.low()));
                        }
                        ledger.createTransfers(
                            List.of(credit(a.escrow1(), a.high())), BatchMode.ATOMIC);
                        firstCallDone.countDown();
                        awaitLockWait();
                        ledger.createTransfers(
                            List.of(credit(a.escrow1(), a.low())), BatchMode.ATOMIC);
                      }));
      Future<?> batch =
          pool.submit(
              () -> {
                await(firstCallDone);
                ledger.createTransfers(
                    List.of(credit(a.escrow2(), a.low()), credit(a.escrow2(), a.high())),
                    BatchMode.ATOMIC);
              });
      List<Throwable> failures = new ArrayList<>();
      for (Future<?> f : List.of(writer, batch)) {
        try {
          f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  private Accounts accounts() {
    List<AccountId> investors = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      investors.add(
          ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY));
    }
    List<UUID> ordered =
        jdbc.queryForList(
            "SELECT id FROM ledger.account WHERE id IN (?, ?) ORDER BY id",
            UUID.class,
            investors.get(0).value(),
            investors.get(1).value());
    return new Accounts(
        new AccountId(ordered.get(0)),
        new AccountId(ordered.get(1)),
        fundedEscrow(),
        fundedEscrow());
  }

  private AccountId fundedEscrow() {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    AccountId borrower =
        ledger.openAccount(AccountKind.BORROWER_FUNDS, UUID.randomUUID(), Currency.CNY);
    AccountId escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, UUID.randomUUID(), Currency.CNY);
    ledger.createTransfer(
        CreateTransfer.single(
            id(), bank, borrower, 1_000, Currency.CNY, TransferCode.DEPOSIT, "deposit"));
    ledger.createTransfer(
        CreateTransfer.single(
            id(), borrower, escrow, 1_000, Currency.CNY, TransferCode.REPAYMENT, "repay"));
    return escrow;
  }

  private CreateTransfer credit(AccountId escrow, AccountId investor) {
    return CreateTransfer.single(
        id(), escrow, investor, 100, Currency.CNY, TransferCode.DISTRIBUTION, "lock-order");
  }

  /** Until some session of this database waits for a row lock (the batch), at most 10 s. */
  private void awaitLockWait() {
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(until)) {
      Integer waiting =
          jdbc.queryForObject(
              "SELECT count(*) FROM pg_stat_activity"
                  + " WHERE datname = current_database() AND wait_event_type = 'Lock'",
              Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      sleep(20);
    }
    throw new AssertionError("The batch never waited for a lock");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private TransferId id() {
    return TransferId.newId(clock);
  }
}
