package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.Currency;
import com.credence.shared.Money;
import com.credence.support.IntegrationTestBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Many threads on a few hot accounts: invariants hold, nothing goes negative, ids apply once. */
class LedgerConcurrencyIT extends IntegrationTestBase {

  private static final int THREADS = 16;

  @Autowired LedgerService ledger;

  @Autowired LedgerChecker checker;

  @Autowired Clock clock;

  @Test
  void hotAccountsStayBalancedAndNeverGoNegative() throws Exception {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    List<AccountId> investors = open(AccountKind.INVESTOR_FUNDS, 4);
    List<AccountId> escrows = open(AccountKind.LOAN_ESCROW, 2);
    AccountId borrower =
        ledger.openAccount(AccountKind.BORROWER_FUNDS, UUID.randomUUID(), Currency.CNY);
    for (AccountId investor : investors) {
      ledger.createTransfer(
          CreateTransfer.single(
              id(), bank, investor, Money.yuan(500), TransferCode.DEPOSIT, "seed"));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> negatives = new ConcurrentLinkedQueue<>();
    Thread watcher =
        new Thread(
            () -> {
              while (running.get()) {
                for (AccountId a : investors) {
                  Balance b = ledger.balance(a);
                  if (b.availableMinor() < 0 || b.totalMinor() < 0) {
                    negatives.add(b.toString());
                  }
                }
              }
            });
    watcher.start();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = 1_000L + t;
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(seed);
                List<TransferId> myPendings = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                  List<CreateTransfer> batch = new ArrayList<>();
                  for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    batch.add(
                        nextOperation(random, bank, investors, escrows, borrower, myPendings));
                  }
                  for (TransferResult r : ledger.createTransfers(batch, BatchMode.EACH)) {
                    (r.accepted() ? created : refused).incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    running.set(false);
    watcher.join();
    assertThat(negatives).isEmpty();
    assertThat(created.get()).as("accepted transfers").isPositive();
    assertThat(refused.get())
        .as("refused transfers (insufficient funds, resolved twice)")
        .isPositive();
    LedgerCheckReport report = checker.check();
    assertThat(report.balanced()).as("%s", report.violations()).isTrue();
    assertThat(report.sumOfBalancesMinor()).isZero();
    long held = 0;
    for (AccountId a : investors) {
      held += ledger.balance(a).totalMinor();
    }
    for (AccountId a : escrows) {
      held += ledger.balance(a).totalMinor();
    }
    held += ledger.balance(borrower).totalMinor();
    assertThat(held)
        .as("money in the system equals money deposited at the bank")
        .isEqualTo(ledger.balance(bank).totalMinor());
  }

  private CreateTransfer nextOperation(
      Random random,
      AccountId bank,
      List<AccountId> investors,
      List<AccountId> escrows,
      AccountId borrower,
      List<TransferId> myPendings) {
    AccountId investor = investors.get(random.nextInt(investors.size()));
    AccountId escrow = escrows.get(random.nextInt(escrows.size()));
    int roll = random.nextInt(10);
    if (roll < 4) {
      TransferId freeze = id();
      myPendings.add(freeze);
      return CreateTransfer.pending(
          freeze,
          investor,
          escrow,
          Money.cny(1 + random.nextInt(10_000)),
          TransferCode.INVESTMENT,
          "bid",
          null);
    } else if (roll < 7 && !myPendings.isEmpty()) {
      TransferId pending = myPendings.get(random.nextInt(myPendings.size()));
      return random.nextBoolean()
          ? CreateTransfer.post(id(), pending, 1, "post")
          : CreateTransfer.voidPending(id(), pending, "void");
    } else if (roll < 8) {
      return CreateTransfer.single(
          id(),
          escrow,
          borrower,
          Money.cny(1 + random.nextInt(5_000)),
          TransferCode.DISBURSEMENT,
          "loan");
    } else if (roll < 9) {
      AccountId other = investors.get(random.nextInt(investors.size()));
      return CreateTransfer.single(
          id(),
          investor,
          other.equals(investor) ? investors.get(0) : other,
          Money.cny(1 + random.nextInt(20_000)),
          TransferCode.RESALE,
          "resale");
    }
    return CreateTransfer.single(
        id(),
        investor,
        bank,
        Money.cny(1 + random.nextInt(20_000)),
        TransferCode.WITHDRAWAL,
        "withdraw");
  }

  @Test
  void theSameTransferIdSubmittedConcurrentlyIsAppliedOnce() throws Exception {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    AccountId investor =
        ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    CreateTransfer deposit =
        CreateTransfer.single(id(), bank, investor, Money.yuan(100), TransferCode.DEPOSIT, "once");
    List<TransferResult> results = concurrently(() -> ledger.createTransfer(deposit));
    assertThat(results).filteredOn(r -> r.status() == TransferResult.Status.CREATED).hasSize(1);
    assertThat(results)
        .filteredOn(r -> r.status() == TransferResult.Status.ALREADY_EXISTS)
        .hasSize(THREADS - 1);
    assertThat(ledger.balance(investor).totalMinor()).isEqualTo(100_00);
  }

  @Test
  void theSameIdWithDifferentAccountsConcurrentlyIsAppliedOnceAndRefusedOtherwise()
      throws Exception {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    List<AccountId> investors = open(AccountKind.INVESTOR_FUNDS, THREADS);
    TransferId shared = id();
    AtomicInteger next = new AtomicInteger();
    List<Object> outcomes =
        concurrently(
            () -> {
              AccountId to = investors.get(next.getAndIncrement());
              try {
                return ledger.createTransfer(
                    CreateTransfer.single(
                        shared, bank, to, Money.yuan(1), TransferCode.DEPOSIT, "race"));
              } catch (LedgerException e) {
                return e.error();
              }
            });
    assertThat(outcomes).filteredOn(TransferResult.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o == LedgerError.TRANSFER_ID_REUSED).hasSize(THREADS - 1);
    assertThat(ledger.balance(bank).totalMinor()).isEqualTo(1_00);
  }

  @Test
  void aPendingTransferPostedAndVoidedConcurrentlyIsResolvedOnce() throws Exception {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    AccountId investor =
        ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    AccountId escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, UUID.randomUUID(), Currency.CNY);
    ledger.createTransfer(
        CreateTransfer.single(id(), bank, investor, Money.yuan(10), TransferCode.DEPOSIT, "d"));
    TransferId freeze = id();
    ledger.createTransfer(
        CreateTransfer.pending(
            freeze, investor, escrow, Money.yuan(10), TransferCode.INVESTMENT, "bid", null));
    AtomicInteger next = new AtomicInteger();
    List<Object> outcomes =
        concurrently(
            () -> {
              CreateTransfer resolution =
                  next.getAndIncrement() % 2 == 0
                      ? CreateTransfer.post(id(), freeze, 10_00, "post")
                      : CreateTransfer.voidPending(id(), freeze, "void");
              try {
                return ledger.createTransfer(resolution);
              } catch (LedgerException e) {
                return e.error();
              }
            });
    assertThat(outcomes).filteredOn(TransferResult.class::isInstance).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o == LedgerError.PENDING_ALREADY_RESOLVED)
        .hasSize(THREADS - 1);
    Balance after = ledger.balance(investor);
    assertThat(after.frozenMinor()).isZero();
    assertThat(after.totalMinor()).isIn(0L, 10_00L);
    assertThat(checker.check().balanced()).isTrue();
  }

  private <T> List<T> concurrently(Callable<T> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(1, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  private List<AccountId> open(AccountKind kind, int count) {
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(ledger.openAccount(kind, UUID.randomUUID(), Currency.CNY));
    }
    return ids;
  }

  private TransferId id() {
    return TransferId.newId(clock);
  }
}
