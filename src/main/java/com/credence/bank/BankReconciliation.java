package com.credence.bank;

import com.credence.bank.domain.CustodianBank;
import com.credence.bank.domain.Reconciler;
import com.credence.bank.persistence.BankStore;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.Balance;
import com.credence.ledger.CustodyFeed;
import com.credence.ledger.LedgerService;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Ids;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily reconciliation (T+1) of the platform's books against the bank's statement: every movement
 * by order id, kind and amount, and every sub-account's balance against the ledger. Differences are
 * stored, logged at ERROR, counted in the gauge {@code credence_bank_reconciliation_differences},
 * published as {@link BankReconciliationFailed}, and block the day's close until an operator
 * resolves them.
 */
@Service
public class BankReconciliation {

  private static final Logger log = LoggerFactory.getLogger(BankReconciliation.class);
  private static final int RUNS_LIST_MAX = 100;

  private final BankStore store;
  private final CustodianBank bank;
  private final LedgerService ledger;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final TransactionTemplate snapshot;
  private final CustodyInstructions custody;
  private final CustodyFeed feed;
  private final BankProperties properties;
  private final AtomicLong open = new AtomicLong();

  BankReconciliation(
      BankStore store,
      CustodianBank bank,
      LedgerService ledger,
      ApplicationEventPublisher events,
      Clock clock,
      PlatformTransactionManager transactions,
      MeterRegistry meters,
      CustodyInstructions custody,
      CustodyFeed feed,
      BankProperties properties) {
    this.properties = properties;
    this.store = store;
    this.bank = bank;
    this.ledger = ledger;
    this.events = events;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.snapshot.setReadOnly(true);
    this.custody = custody;
    this.feed = feed;
    Gauge.builder("credence.bank.reconciliation.differences", open, AtomicLong::get)
        .description("Differences found by the last bank reconciliation; 0 when it matched")
        .register(meters);
  }

  /** Reconciles one business date (again, if it ran before and was not resolved). */
  public ReconciliationView reconcile(LocalDate day) {
    Optional<BankStore.Run> earlier = store.run(day);
    if (earlier.isPresent() && "RESOLVED".equals(earlier.get().status())) {
      return view(earlier.get());
    }
    custody.flush();
    CustodianBank.Statement statement = bank.statement(day);
    List<Reconciler.Movement> bankMoves =
        statement.lines().stream()
            .map(
                l ->
                    new Reconciler.Movement(
                        l.reference(), l.kind(), l.accountNo(), l.amountMinor()))
            .toList();
    boolean withPlatformAccounts = properties.reconcilePlatformAccounts();
    Map<String, Long> bankBalances = bankBalances(statement, withPlatformAccounts);
    Map<String, Long> ledgerBalances = ledgerBalances(statement.position(), withPlatformAccounts);
    List<Reconciler.Difference> differences =
        Reconciler.compare(bankMoves, store.settledOn(day), bankBalances, ledgerBalances);
    List<UUID> ids = new ArrayList<>();
    differences.forEach(d -> ids.add(Ids.newId(clock)));
    BankStore.Run run =
        new BankStore.Run(
            day,
            differences.isEmpty() ? "MATCHED" : "DIFFERENCES",
            bankMoves.size(),
            bankBalances.size(),
            clock.instant(),
            null,
            null);
    tx.executeWithoutResult(status -> store.saveRun(run, differences, ids));
    open.set(differences.size());
    if (!differences.isEmpty()) {
      log.error(
          "Bank reconciliation of {} found {} differences; the day's close is blocked: {}",
          day,
          differences.size(),
          differences);
      events.publishEvent(new BankReconciliationFailed(day, differences.size()));
    } else {
      log.info("Bank reconciliation of {} matched: {} movements", day, bankMoves.size());
    }
    return view(store.run(day).orElseThrow());
  }

  /**
   * Compares, now, every account the bank holds for the platform with the ledger, without recording
   * a run: for operators' checks and tests.
   */
  public List<Reconciler.Difference> balanceDifferencesNow(boolean withPlatformAccounts) {
    custody.flush();
    CustodianBank.Statement statement = bank.statement(BusinessCalendar.today(clock));
    return Reconciler.compare(
        List.of(),
        List.of(),
        bankBalances(statement, withPlatformAccounts),
        ledgerBalances(statement.position(), withPlatformAccounts));
  }

  private Map<String, Long> bankBalances(
      CustodianBank.Statement statement, boolean withPlatformAccounts) {
    Map<String, Long> balances = new HashMap<>();
    statement.balances().forEach(b -> balances.put(b.accountNo(), b.balanceMinor()));
    if (!withPlatformAccounts) {
      balances.keySet().removeAll(store.custodyAccounts().values());
    }
    return balances;
  }

  /** Reconciles yesterday (Asia/Shanghai), the T+1 run. */
  public ReconciliationView reconcileYesterday() {
    return reconcile(BusinessCalendar.today(clock).minusDays(1));
  }

  /** Whether any day up to {@code day} has unresolved differences: then the close must wait. */
  public boolean closeBlocked(LocalDate day) {
    return store.recentRuns(RUNS_LIST_MAX).stream()
        .anyMatch(r -> "DIFFERENCES".equals(r.status()) && !r.businessDate().isAfter(day));
  }

  /** An operator's resolution of a day's differences, which unblocks the close. */
  public ReconciliationView resolve(LocalDate day, UUID operator, String resolution) {
    if (resolution.isBlank() || resolution.length() > 500) {
      throw BankProblems.of(400, "VALIDATION_FAILED", "A resolution of 1 to 500 characters");
    }
    if (!store.resolve(day, operator, resolution, clock.instant())) {
      throw BankProblems.of(
          409, "NOTHING_TO_RESOLVE", "That day has no unresolved reconciliation differences");
    }
    log.warn("Bank reconciliation of {} resolved by operator {}", day, operator);
    open.set(0);
    return view(store.run(day).orElseThrow());
  }

  public Optional<ReconciliationView> result(LocalDate day) {
    return store.run(day).map(this::view);
  }

  public List<ReconciliationView> recent(int limit) {
    return store.recentRuns(Math.min(limit, RUNS_LIST_MAX)).stream().map(this::view).toList();
  }

  /**
   * What the bank should hold in each account it keeps for the platform: the ledger's balance, less
   * the movements the bank had not been instructed of when it wrote its statement (those after the
   * statement's batch position). Read in one repeatable-read snapshot.
   */
  private Map<String, Long> ledgerBalances(
      CustodianBank.BatchPosition position, boolean withPlatformAccounts) {
    return Objects.requireNonNull(
        snapshot.execute(status -> ledgerBalancesInSnapshot(position, withPlatformAccounts)));
  }

  private Map<String, Long> ledgerBalancesInSnapshot(
      CustodianBank.BatchPosition position, boolean withPlatformAccounts) {
    Map<AccountId, Long> notYetAtBank =
        feed.netAfter(new CustodyFeed.Position(position.xact(), position.seq()));
    Map<String, Long> balances = new HashMap<>();
    for (BankStore.SubAccount s : store.subAccounts()) {
      balances.put(s.accountNo(), fundsTotal(s.userId(), notYetAtBank));
    }
    if (!withPlatformAccounts) {
      return balances;
    }
    store
        .custodyAccounts()
        .forEach(
            (ledgerAccountId, accountNo) -> {
              AccountId id = new AccountId(ledgerAccountId);
              balances.put(
                  accountNo, ledger.balance(id).totalMinor() - notYetAtBank.getOrDefault(id, 0L));
            });
    return balances;
  }

  private long fundsTotal(UUID userId, Map<AccountId, Long> notYetAtBank) {
    long total = 0;
    for (Balance b : ledger.balancesOf(userId)) {
      if (b.kind() == AccountKind.INVESTOR_FUNDS || b.kind() == AccountKind.BORROWER_FUNDS) {
        total += b.totalMinor() - notYetAtBank.getOrDefault(b.accountId(), 0L);
      }
    }
    return total;
  }

  private ReconciliationView view(BankStore.Run r) {
    return new ReconciliationView(
        r.businessDate(),
        r.status(),
        r.movements(),
        r.accounts(),
        r.ranAt(),
        r.resolution(),
        store.differences(r.businessDate()));
  }
}
