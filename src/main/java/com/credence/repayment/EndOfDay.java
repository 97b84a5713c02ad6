package com.credence.repayment;

import com.credence.bank.BankReconciliation;
import com.credence.investment.ListingStatus;
import com.credence.investment.LoanOutcomes;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateSplitTransfer;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerError;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferResult;
import com.credence.repayment.domain.Delinquency;
import com.credence.repayment.domain.Penalty;
import com.credence.repayment.persistence.RepaymentStore;
import com.credence.repayment.persistence.RepaymentStore.HolderPartRow;
import com.credence.repayment.persistence.RepaymentStore.HoldingRow;
import com.credence.repayment.persistence.RepaymentStore.InstallmentRow;
import com.credence.repayment.persistence.RepaymentStore.LoanRow;
import com.credence.shared.AnnualRate;
import com.credence.shared.BusinessDayEnded;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end-of-day run (日终) of one business date: accrue penalties, collect what is due from the
 * borrowers, distribute to every holder in the same transaction, mark what is still unpaid overdue,
 * update the delinquency buckets (and default loans past the limit), then close the day unless the
 * bank reconciliation of a day up to it found differences.
 *
 * <p>One run per date: a row in {@code repayment.eod_runs} is the claim (two nodes never run the
 * same date; a node that dies leaves a lease that runs out, and another node resumes). The run
 * works in batches of loans, each in its own transaction with the loans locked; a resumed run finds
 * paid installments paid and moves nothing twice (transfer ids are derived from what they pay). The
 * date is scheduled in the transaction that ends it ({@link BusinessDayEnded}) and run right after
 * that transaction commits, so the day's bank reconciliation has already run.
 */
@Service
public class EndOfDay {

  private static final Logger log = LoggerFactory.getLogger(EndOfDay.class);

  /** The outcome of a run: CLOSED, BLOCKED (reconciliation differences) or RUNNING elsewhere. */
  public record RunResult(LocalDate date, String status, int collected, int distributed) {}

  private final RepaymentStore store;
  private final Servicing servicing;
  private final LedgerService ledger;
  private final BankReconciliation reconciliation;
  private final LoanOutcomes outcomes;
  private final RepaymentProperties properties;
  private final RepaymentMetrics metrics;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final String node = UUID.randomUUID().toString();

  EndOfDay(
      RepaymentStore store,
      Servicing servicing,
      LedgerService ledger,
      BankReconciliation reconciliation,
      LoanOutcomes outcomes,
      RepaymentProperties properties,
      RepaymentMetrics metrics,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.servicing = servicing;
    this.ledger = ledger;
    this.reconciliation = reconciliation;
    this.outcomes = outcomes;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Schedules the ended date in the platform's transaction and runs it after that commits (the
   * bank's reconciliation runs inside the same transaction, so it is done by then).
   */
  @EventListener
  void dayEnded(BusinessDayEnded event) {
    LocalDate date = event.date();
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      runLogged(date);
      return;
    }
    store.scheduleRun(date, clock.instant());
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            runLogged(date);
          }
        });
  }

  /** Resumes runs left unfinished (a node died) and retries closes that were blocked. */
  @Scheduled(
      fixedDelayString = "${credence.repayment.resume-interval:PT5M}",
      initialDelayString = "PT1M")
  void resume() {
    for (RepaymentStore.RunRow run : store.unfinishedRuns(clock.instant())) {
      runLogged(run.businessDate());
    }
  }

  private void runLogged(LocalDate date) {
    try {
      RunResult result = run(date);
      log.info(
          "End of day {}: {} (collected {}, holder parts paid {})",
          date,
          result.status(),
          result.collected(),
          result.distributed());
    } catch (DataAccessException e) {
      // The claim's lease runs out and the resume job runs the date again; nothing is paid twice.
      log.error("End of day {} failed and will be resumed", date, e);
    }
  }

  /**
   * Runs (or resumes, or retries the close of) the end of day of {@code date}.
   *
   * @return the run's outcome; when another node holds the run, its current state
   */
  public RunResult run(LocalDate date) {
    Instant now = clock.instant();
    Boolean claimed =
        tx.execute(s -> store.claimRun(date, node, now, now.plus(properties.runLease())));
    if (!Boolean.TRUE.equals(claimed)) {
      return store
          .run(date)
          .map(r -> new RunResult(date, r.status(), 0, 0))
          .orElseThrow(() -> new IllegalStateException("no run row for " + date));
    }
    tx.executeWithoutResult(s -> accruePenalties(date));
    int[] counts = collect(date);
    tx.executeWithoutResult(s -> updateDelinquency(date));
    metrics.refresh(store.bucketCounts());
    boolean blocked = reconciliation.closeBlocked(date);
    String status = blocked ? "BLOCKED" : "CLOSED";
    String detail =
        blocked ? "Bank reconciliation has unresolved differences up to " + date : "closed";
    tx.executeWithoutResult(
        s -> store.finishRun(date, status, counts[0], counts[1], detail, clock.instant()));
    if (blocked) {
      log.warn("End of day {}: close refused, bank reconciliation differences", date);
    }
    return new RunResult(date, status, counts[0], counts[1]);
  }

  /**
   * Collects and distributes what is due on or before {@code date} now, outside a run (no claim, no
   * close): what the run's collection step does, for tests of its concurrency with repayments.
   *
   * @return loans collected and holder parts paid
   */
  int[] collectDue(LocalDate date) {
    return collect(date);
  }

  // ---- penalties --------------------------------------------------------------------------

  private void accruePenalties(LocalDate date) {
    List<InstallmentRow> pastDue = store.pastDue(date);
    if (pastDue.isEmpty()) {
      return;
    }
    Map<UUID, LoanRow> loans = new HashMap<>();
    for (LoanRow l : store.lockLoans(pastDue.stream().map(InstallmentRow::loanId).toList())) {
      loans.put(l.loanId(), l);
    }
    AnnualRate penaltyRate = AnnualRate.ofBps(properties.penaltyRateBps());
    AnnualRate cap = AnnualRate.ofBps(properties.rateCapBps());
    for (InstallmentRow i : pastDue) {
      LoanRow loan = loans.get(i.loanId());
      LocalDate from = i.penaltyAccruedTo() == null ? i.dueDate() : i.penaltyAccruedTo();
      long days = Penalty.accrualDays(i.dueDate(), properties.graceDays(), from, date);
      if (days == 0 || loan == null) {
        continue;
      }
      AnnualRate rate =
          Penalty.effectiveRate(AnnualRate.ofBps(loan.annualRateBps()), penaltyRate, cap);
      long added = Penalty.accrue(i.overdueBaseMinor(), rate, days, properties.dayCount());
      store.setPenalty(i.loanId(), i.number(), i.penaltyMinor() + added, date);
    }
  }

  // ---- collection and distribution --------------------------------------------------------

  /**
   * Collects in batches of loans, {@code workers} batches at a time, each in its own transaction.
   * Batches never share a loan or an escrow; accounts they share (a borrower's, an investor's, the
   * fee account) are locked in id order within each lock step, and the credited-only ones only at
   * the very end of a batch, so concurrent batches wait for each other briefly and never deadlock.
   */
  private int[] collect(LocalDate date) {
    int workers = properties.endOfDayWorkers();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, "end-of-day-" + date);
              thread.setDaemon(true);
              return thread;
            });
    try {
      Deque<Future<int[]>> running = new ArrayDeque<>();
      int[] total = new int[2];
      UUID after = null;
      while (true) {
        List<UUID> ids = store.loansWithDue(date, after, properties.loansPerBatch());
        if (ids.isEmpty()) {
          break;
        }
        running.add(pool.submit(() -> tx.execute(s -> collectBatch(ids, date))));
        while (running.size() >= 2 * workers) {
          add(total, running.poll());
        }
        after = ids.get(ids.size() - 1);
      }
      while (!running.isEmpty()) {
        add(total, running.poll());
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void add(int[] total, Future<int[]> batch) {
    int[] counts;
    try {
      counts = batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("End of day interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("End-of-day batch failed", e.getCause());
    }
    total[0] += counts[0];
    total[1] += counts[1];
  }

  private int[] collectBatch(List<UUID> ids, LocalDate date) {
    Map<UUID, LoanRow> loans = new LinkedHashMap<>();
    store.lockLoans(ids).forEach(l -> loans.put(l.loanId(), l));
    List<InstallmentRow> openDue = store.openDue(ids, date);
    Map<UUID, List<InstallmentRow>> open = group(openDue, InstallmentRow::loanId);
    Map<UUID, List<HoldingRow>> holdings = group(store.holdings(ids), HoldingRow::loanId);
    Map<UUID, Map<Integer, List<HolderPartRow>>> parts = new HashMap<>();
    for (HolderPartRow p : store.partsOf(openDue)) {
      parts
          .computeIfAbsent(p.loanId(), k -> new HashMap<>())
          .computeIfAbsent(p.number(), k -> new ArrayList<>())
          .add(p);
    }
    List<Servicing.Plan> plans = new ArrayList<>();
    for (LoanRow loan : loans.values()) {
      List<InstallmentRow> due = open.getOrDefault(loan.loanId(), List.of());
      long owed = Servicing.owed(due);
      if (owed > 0) {
        plans.add(plan(loan, due, parts, holdings, owed, "eod:" + date, date));
      }
    }
    List<Servicing.Plan> done = execute(plans);
    java.util.Set<UUID> collectedLoans = new java.util.HashSet<>();
    done.forEach(p -> collectedLoans.add(p.loan().loanId()));
    // A borrower without enough money: collect what is there (oldest installment first).
    List<Servicing.Plan> partial = new ArrayList<>();
    for (Servicing.Plan p : plans) {
      if (!collectedLoans.contains(p.loan().loanId())) {
        long available = ledger.balance(p.collection().debitAccountId()).availableMinor();
        if (available > 0) {
          List<InstallmentRow> due = open.get(p.loan().loanId());
          partial.add(plan(p.loan(), due, parts, holdings, available, "eod-part:" + date, date));
        }
      }
    }
    List<Servicing.Plan> paid = new ArrayList<>(done);
    paid.addAll(execute(partial));
    List<CreateTransfer> followUps = new ArrayList<>();
    List<CreateSplitTransfer> distributions = new ArrayList<>();
    for (Servicing.Plan p : paid) {
      followUps.addAll(p.followUps());
      distributions.addAll(p.distributions());
    }
    // Fees and distributions: ids derived from what they pay, so the bulk path fits.
    ledger.createTransfersInBulk(followUps, distributions);
    servicing.record(paid, date);
    settleFinished(paid, ids, date);
    int partsPaid = paid.stream().mapToInt(p -> p.partsPaid().size()).sum();
    return new int[] {paid.size(), partsPaid};
  }

  private Servicing.Plan plan(
      LoanRow loan,
      List<InstallmentRow> due,
      Map<UUID, Map<Integer, List<HolderPartRow>>> parts,
      Map<UUID, List<HoldingRow>> holdings,
      long amount,
      String key,
      LocalDate date) {
    return servicing.plan(
        loan,
        due,
        parts.getOrDefault(loan.loanId(), Map.of()),
        holdings.getOrDefault(loan.loanId(), List.of()),
        amount,
        key,
        date);
  }

  /** Creates the collections, each on its own; answers the plans whose collection was created. */
  private List<Servicing.Plan> execute(List<Servicing.Plan> plans) {
    if (plans.isEmpty()) {
      return List.of();
    }
    List<TransferResult> results =
        ledger.createTransfers(
            plans.stream().map(Servicing.Plan::collection).toList(), BatchMode.EACH);
    List<Servicing.Plan> created = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      TransferResult r = results.get(i);
      if (r.status() == TransferResult.Status.CREATED) {
        created.add(plans.get(i));
      } else if (r.status() == TransferResult.Status.REFUSED
          && r.error() != LedgerError.INSUFFICIENT_FUNDS) {
        log.error(
            "Collection on loan {} refused by the ledger: {}",
            plans.get(i).loan().loanId(),
            r.error());
      }
    }
    return created;
  }

  private void settleFinished(List<Servicing.Plan> paid, List<UUID> ids, LocalDate date) {
    Map<UUID, Integer> last = store.lastNumbers(ids);
    List<UUID> settled = new ArrayList<>();
    for (Servicing.Plan p : paid) {
      UUID loanId = p.loan().loanId();
      if (p.lastSettledNumber() > 0 && p.lastSettledNumber() == last.get(loanId)) {
        settled.add(loanId);
      }
    }
    if (!settled.isEmpty()) {
      store.settle(settled, date);
      outcomes.loansStatusChanged(settled, ListingStatus.SETTLED);
    }
  }

  // ---- overdue, buckets, default ----------------------------------------------------------

  private void updateDelinquency(LocalDate date) {
    store.markOverdue(date);
    store.clearDelinquency(date);
    List<RepaymentStore.LoanOldestDue> late = store.oldestPastDue(date);
    if (late.isEmpty()) {
      return;
    }
    Map<UUID, LoanRow> loans = new HashMap<>();
    store
        .lockLoans(late.stream().map(RepaymentStore.LoanOldestDue::loanId).toList())
        .forEach(l -> loans.put(l.loanId(), l));
    for (RepaymentStore.LoanOldestDue l : late) {
      int days = (int) ChronoUnit.DAYS.between(l.oldestDue(), date);
      store.setDelinquency(l.loanId(), days, Delinquency.of(days).name());
      LoanRow loan = loans.get(l.loanId());
      if (loan != null
          && "REPAYING".equals(loan.status())
          && days > properties.defaultAfterDays()) {
        store.setStatus(l.loanId(), "DEFAULTED", null);
        outcomes.loanStatusChanged(l.loanId(), ListingStatus.DEFAULTED);
        log.warn("Loan {} is DEFAULTED: {} days overdue", l.loanId(), days);
      }
    }
  }

  private static <T> Map<UUID, List<T>> group(
      List<T> rows, java.util.function.Function<T, UUID> key) {
    Map<UUID, List<T>> result = new HashMap<>();
    for (T row : rows) {
      result.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
    }
    return result;
  }

  /** The run of a date, if it was ever claimed. */
  public @Nullable RunResult result(LocalDate date) {
    return store
        .run(date)
        .map(r -> new RunResult(date, r.status(), r.collected(), r.distributed()))
        .orElse(null);
  }
}
