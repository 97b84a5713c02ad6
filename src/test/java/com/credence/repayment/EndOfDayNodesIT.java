package com.credence.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.bank.BankReconciliation;
import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.LoanOutcomes;
import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.LedgerChecker;
import com.credence.ledger.LedgerService;
import com.credence.repayment.domain.HolderSplit;
import com.credence.repayment.persistence.RepaymentStore;
import com.credence.support.IntegrationTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one database: each has its own {@link EndOfDay} (its own node id) and
 * the claim row in {@code repayment.eod_runs} decides which of them runs a date. The second node is
 * built from the same beans, as a second process would be from the same configuration.
 *
 * <p>Each test works on business dates far in the past, on loans whose only installment falls due
 * on such a date, so the runs touch nothing of the other tests (which live around today).
 */
class EndOfDayNodesIT extends IntegrationTestBase {

  @Autowired LedgerService ledger;
  @Autowired LedgerChecker checker;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired RepaymentService repayment;
  @Autowired EndOfDay nodeA;
  @Autowired RepaymentStore store;
  @Autowired Servicing servicing;
  @Autowired BankReconciliation reconciliation;
  @Autowired LoanOutcomes outcomes;
  @Autowired RepaymentProperties properties;
  @Autowired RepaymentMetrics metrics;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  RepaymentFixture fixture;
  EndOfDay nodeB;

  @BeforeEach
  void nodes() {
    fixture = new RepaymentFixture(ledger, events, tx, repayment, clock);
    nodeB =
        new EndOfDay(
            store,
            servicing,
            ledger,
            reconciliation,
            outcomes,
            properties,
            metrics,
            clock,
            transactions);
  }

  @Test
  void twoNodesRacingForTheSameDateRunItOnce() throws Exception {
    for (int round = 0; round < 4; round++) {
      LocalDate day = unusedPastDate();
      Due due = loanDueOn(day);

      List<EndOfDay.RunResult> results = race(day);

      List<EndOfDay.RunResult> ran = results.stream().filter(r -> r.collected() > 0).toList();
      assertThat(ran).as("round %d: %s", round, results).hasSize(1);
      assertThat(ran.get(0).status()).isEqualTo("CLOSED");
      assertThat(ran.get(0).collected()).isEqualTo(1);
      assertThat(ran.get(0).distributed()).isEqualTo(due.loan().holders().size());
      EndOfDay.RunResult other = results.get(results.get(0) == ran.get(0) ? 1 : 0);
      assertThat(other.collected()).as("the losing node collected nothing").isZero();
      assertThat(other.distributed()).isZero();
      assertThat(other.status()).isIn("RUNNING", "CLOSED");
      assertThat(nodeA.result(day)).isNotNull();
      assertThat(nodeA.result(day).collected())
          .as("the run row counts one collection")
          .isEqualTo(1);
      assertPaidOnce(due);
    }
    LedgerCheckReport report = checker.check();
    assertThat(report.balanced()).as(report.violations().toString()).isTrue();
  }

  @Test
  void aLiveClaimIsLeftAloneAndAnExpiredOneIsResumed() throws Exception {
    LocalDate day = unusedPastDate();
    Due due = loanDueOn(day);
    Instant now = clock.instant();
    boolean claimed =
        tx.execute(s -> store.claimRun(day, "a-node-at-work", now, now.plusSeconds(2)));
    assertThat(claimed).isTrue();

    EndOfDay.RunResult whileHeld = nodeB.run(day);
    assertThat(whileHeld.status()).isEqualTo("RUNNING");
    assertThat(whileHeld.collected()).isZero();
    assertThat(fixture.balance(due.loan().borrowerAccount()))
        .as("nothing collected while another node holds the date")
        .isEqualTo(due.deposit());

    // The other node died: its lease runs out and this node resumes the date.
    long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    EndOfDay.RunResult resumed = nodeB.run(day);
    while (!"CLOSED".equals(resumed.status()) && System.nanoTime() < waitUntil) {
      Thread.sleep(250);
      resumed = nodeB.run(day);
    }
    assertThat(resumed.status()).isEqualTo("CLOSED");
    assertThat(resumed.collected()).isEqualTo(1);
    assertPaidOnce(due);

    EndOfDay.RunResult again = nodeA.run(day);
    assertThat(again.status()).as("a closed date is not claimed again").isEqualTo("CLOSED");
    assertThat(again.collected()).isZero();
    assertPaidOnce(due);
    LedgerCheckReport report = checker.check();
    assertThat(report.balanced()).as(report.violations().toString()).isTrue();
  }

  private List<EndOfDay.RunResult> race(LocalDate day) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<EndOfDay.RunResult>> futures = new ArrayList<>();
      for (EndOfDay node : List.of(nodeA, nodeB)) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return node.run(day);
                }));
      }
      start.countDown();
      List<EndOfDay.RunResult> results = new ArrayList<>();
      for (Future<EndOfDay.RunResult> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  /** A loan and what its borrower was given: twice the installment, so a second take would show. */
  private record Due(RepaymentFixture.Loan loan, InstallmentView installment, long deposit) {}

  /** A one-month loan valued a month before {@code day}: its only installment is due that day. */
  private Due loanDueOn(LocalDate day) {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    RepaymentFixture.Loan loan =
        fixture.fund(
            borrower.userId(), RepaymentFixture.Terms.equalInstallments(1, day.minusMonths(1)));
    List<InstallmentView> schedule = repayment.schedule(borrower.userId(), Set.of(), loan.loanId());
    assertThat(schedule).hasSize(1);
    InstallmentView installment = schedule.get(0);
    assertThat(installment.dueDate()).isEqualTo(day);
    long deposit = 2 * installment.total().amountMinor();
    fixture.deposit(loan.borrowerAccount(), deposit);
    return new Due(loan, installment, deposit);
  }

  /** The installment was taken once from the borrower and reached the holders once. */
  private void assertPaidOnce(Due due) {
    RepaymentFixture.Loan loan = due.loan();
    long total = due.installment().total().amountMinor();
    assertThat(fixture.balance(loan.borrowerAccount())).isEqualTo(due.deposit() - total);
    assertThat(fixture.balance(loan.escrow())).as("no money waits in escrow").isZero();
    long holders = loan.holders().stream().mapToLong(h -> fixture.balance(h.account())).sum();
    long platform =
        HolderSplit.serviceFeeMinor(due.installment().interest().amountMinor(), 1000)
            + due.installment().fee().amountMinor();
    assertThat(holders + platform).isEqualTo(total);
    assertThat(holders)
        .as("holders got principal back once")
        .isGreaterThanOrEqualTo(1_000_000)
        .isLessThan(2_000_000);
    assertThat(repayment.schedule(loan.borrowerId(), Set.of(), loan.loanId()).get(0).status())
        .isEqualTo("PAID");
  }

  /** A date in 1990-2009, day 1-28 (so a month earlier has the same day), not run before. */
  private LocalDate unusedPastDate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      LocalDate day =
          LocalDate.of(1990 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28));
      if (nodeA.result(day) == null) {
        return day;
      }
    }
  }
}
