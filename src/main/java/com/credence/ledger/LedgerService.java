package com.credence.ledger;

import com.credence.ledger.domain.AccountState;
import com.credence.ledger.domain.LedgerAudit;
import com.credence.ledger.domain.LedgerStore;
import com.credence.ledger.domain.TransferBatch;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Currency;
import com.credence.shared.Invariants;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The custody ledger: the only place where balances live. Every money movement of the platform is a
 * transfer created here.
 *
 * <p>Batches: {@link #createTransfers} applies a list of transfers in list order in one transaction
 * with a fixed number of database round trips (lock accounts, read transfers, write), whatever the
 * batch size. In {@link BatchMode#ATOMIC} the first refused transfer throws and nothing is written;
 * in {@link BatchMode#EACH} refused transfers are reported in their result and the others are
 * written. A single transfer is a batch of one.
 *
 * <p>Callers that already run a transaction (e.g. investment placing a bid) join it, so their own
 * writes and the ledger's commit together.
 */
@Service
public class LedgerService {

  /** The owner of the platform's own accounts (fee income, bank settlement). */
  public static final UUID PLATFORM_OWNER = new UUID(0, 0);

  public static final int STATEMENT_PAGE_SIZE_MAX = 100;

  private static final int DUPLICATE_RETRIES_MAX = 3;
  private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private final LedgerStore store;
  private final Clock clock;
  private final TransactionTemplate writes;
  private final TransactionTemplate reads;
  private final TransactionTemplate ownTransaction;

  LedgerService(LedgerStore store, Clock clock, PlatformTransactionManager transactions) {
    this.store = store;
    this.clock = clock;
    // Writes rely on READ COMMITTED (a fresh snapshot per statement, see
    // LedgerStore#lockAndRead). It is PostgreSQL's default and is checked once at start-up
    // (verifyIsolation) rather than set per transaction, which costs a round trip per transfer.
    this.writes = new TransactionTemplate(transactions);
    writes.setIsolationLevel(TransactionDefinition.ISOLATION_DEFAULT);
    this.reads = new TransactionTemplate(transactions);
    reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    reads.setReadOnly(true);
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventListener(ApplicationReadyEvent.class)
  void verifyIsolation() {
    String isolation = store.defaultIsolation();
    Invariants.check(
        "read committed".equals(isolation),
        "the ledger needs default_transaction_isolation = 'read committed', the database has '%s'",
        isolation);
  }

  /** Opens the account of this owner, kind and currency, or answers the existing one. */
  public AccountId openAccount(AccountKind kind, UUID ownerId, Currency currency) {
    return writes.execute(
        tx -> store.openAccount(AccountId.newId(clock), kind, ownerId, currency, clock.instant()));
  }

  /**
   * The platform's own account of this kind (fee income, bank settlement). Opened, when it is
   * missing, in a transaction of its own: callers cache the id, so it must never belong to a
   * caller's transaction that may roll back or that other threads cannot see yet.
   */
  public AccountId platformAccount(AccountKind kind, Currency currency) {
    return ownTransaction.execute(
        tx ->
            store.openAccount(
                AccountId.newId(clock), kind, PLATFORM_OWNER, currency, clock.instant()));
  }

  public Optional<AccountView> account(AccountId id) {
    return store.account(id);
  }

  /**
   * @throws LedgerException.AccountNotFound when there is no such account
   */
  public Balance balance(AccountId id) {
    return store
        .account(id)
        .map(AccountView::balance)
        .orElseThrow(
            () ->
                LedgerException.of(LedgerError.ACCOUNT_NOT_FOUND, "Account " + id + " not found"));
  }

  public List<Balance> balancesOf(UUID ownerId) {
    return store.accountsOf(ownerId).stream().map(AccountView::balance).toList();
  }

  public Optional<Transfer> transfer(TransferId id) {
    return Optional.ofNullable(store.findTransfers(List.of(id)).get(id));
  }

  /**
   * Creates one transfer, or returns it when it exists with the same fields.
   *
   * @throws LedgerException the typed refusal; nothing was written
   */
  public TransferResult createTransfer(CreateTransfer command) {
    return createTransfers(List.of(command), BatchMode.ATOMIC).get(0);
  }

  /**
   * Locks these accounts in the caller's transaction, in the one order every batch locks in (by
   * id). A transaction that creates transfers in several calls (more than a batch, or one call per
   * step) calls this first with every account it will touch: otherwise its later calls take locks
   * out of that order and can deadlock with a batch that takes them in order.
   *
   * @throws IllegalStateException outside a transaction
   */
  public void lockAccounts(Collection<AccountId> accountIds) {
    Invariants.check(
        TransactionSynchronizationManager.isActualTransactionActive(),
        "accounts are locked within the caller's transaction");
    if (!accountIds.isEmpty()) {
      store.lock(accountIds);
    }
  }

  /**
   * Creates transfers in list order in one transaction; see the class comment for the modes.
   *
   * @throws LedgerException in ATOMIC mode, the first refusal (nothing written); in both modes a
   *     batch over {@link TransferBatch#SIZE_MAX}
   */
  public List<TransferResult> createTransfers(List<CreateTransfer> commands, BatchMode mode) {
    if (commands.size() > TransferBatch.SIZE_MAX) {
      throw LedgerException.of(
          LedgerError.BATCH_TOO_LARGE, "At most " + TransferBatch.SIZE_MAX + " per batch");
    }
    if (commands.isEmpty()) {
      return List.of();
    }
    // When the caller's transaction is joined, a failed statement aborts it, so only a transaction
    // of our own can be retried.
    boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive();
    for (int attempt = 1; ; attempt++) {
      TransferBatch.Outcome outcome;
      try {
        outcome = writes.execute(tx -> applyOnce(commands, mode));
      } catch (DuplicateKeyException e) {
        // Another transaction wrote the same transfer id (or resolved the same pending transfer)
        // after
        // we read; a new attempt sees its row and answers ALREADY_EXISTS or a refusal.
        if (!ownTransaction || attempt >= DUPLICATE_RETRIES_MAX) {
          throw e;
        }
        continue;
      }
      // Thrown outside the transaction callback: nothing was written, and a caller's transaction
      // that joined ours is not marked rollback-only by a refusal it may want to handle.
      if (mode == BatchMode.ATOMIC && outcome.firstRefusal() != null) {
        throw outcome.firstRefusal().toException();
      }
      return outcome.results();
    }
  }

  private TransferBatch.Outcome applyOnce(List<CreateTransfer> commands, BatchMode mode) {
    // Microseconds: what PostgreSQL stores, so a re-read transfer equals the one we built.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Set<TransferId> ids = new LinkedHashSet<>();
    Set<TransferId> pendingIds = new LinkedHashSet<>();
    Set<AccountId> accountIds = new LinkedHashSet<>();
    for (CreateTransfer c : commands) {
      ids.add(c.id());
      addIfPresent(pendingIds, c.pendingId());
      addIfPresent(accountIds, c.debitAccountId());
      addIfPresent(accountIds, c.creditAccountId());
    }
    if (!pendingIds.isEmpty()) {
      // Accounts of a pending transfer never change, so they can be read before taking the locks.
      for (Transfer pending : store.findTransfers(pendingIds).values()) {
        accountIds.add(pending.debitAccountId());
        addIfPresent(accountIds, pending.creditAccountId());
      }
    }
    List<TransferId> known = new ArrayList<>(ids);
    known.addAll(pendingIds);
    LedgerStore.Locked locked = store.lockAndRead(accountIds, known, pendingIds);
    TransferBatch.Outcome outcome =
        new TransferBatch(
                locked.accounts(),
                locked.transfers(),
                locked.resolvedPendings(),
                now,
                BusinessCalendar.dateOf(now))
            .apply(commands, mode);
    if (!outcome.created().isEmpty()) {
      store.write(outcome.created(), outcome.changedAccounts());
    }
    return outcome;
  }

  /**
   * Creates many single-phase transfers and split transfers (ADR 0024), all or nothing, for the
   * bulk paths (the distribution of repayments): the same checks as {@link #createTransfers} in
   * {@link BatchMode#ATOMIC}, and cheaper writes. Only the accounts a transfer could take below a
   * limit are locked up front (the debited ones, and credited ones whose credits are limited); the
   * others are only credited, which no flag forbids, so they are read without a lock (kind,
   * currency and flags never change) and locked in id order at the end, when their counters are
   * raised in place. The transfers and legs go to the database with COPY. Joins the caller's
   * transaction.
   *
   * <p>For transfers whose ids are new by construction: an id that already exists fails the whole
   * call (the primary key) instead of being answered as already existing, and so does a refusal.
   *
   * @throws LedgerException the first refusal; nothing was written, and a joined transaction is
   *     marked for rollback
   * @throws IllegalArgumentException when a transfer is not single-phase
   */
  public void createTransfersInBulk(List<CreateTransfer> transfers) {
    createTransfersInBulk(transfers, List.of());
  }

  /** The same, with split transfers written after the transfers. */
  public void createTransfersInBulk(
      List<CreateTransfer> transfers, List<CreateSplitTransfer> splits) {
    if (transfers.isEmpty() && splits.isEmpty()) {
      return;
    }
    writes.executeWithoutResult(tx -> applyBulk(transfers, splits));
  }

  private void applyBulk(List<CreateTransfer> commands, List<CreateSplitTransfer> splits) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Set<AccountId> debited = new LinkedHashSet<>();
    Set<AccountId> credited = new LinkedHashSet<>();
    for (CreateTransfer c : commands) {
      if (c.type() != TransferType.SINGLE_PHASE) {
        throw new IllegalArgumentException(
            "Bulk transfers are single-phase, " + c.id() + " is not");
      }
      addIfPresent(debited, c.debitAccountId());
      addIfPresent(credited, c.creditAccountId());
    }
    for (CreateSplitTransfer s : splits) {
      debited.add(s.debitAccountId());
      for (CreateSplitTransfer.Leg leg : s.legs()) {
        credited.add(leg.creditAccountId());
      }
    }
    credited.removeAll(debited);
    Map<AccountId, AccountState> accounts = new HashMap<>(store.readAccounts(credited));
    Set<AccountId> lockNow = new LinkedHashSet<>(debited);
    for (AccountState a : accounts.values()) {
      if ((a.flags() & AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS.bit()) != 0) {
        lockNow.add(a.id());
      }
    }
    accounts.putAll(store.lockAndRead(lockNow, List.of(), List.of()).accounts());
    TransferBatch.Outcome outcome =
        new TransferBatch(accounts, Map.of(), Set.of(), now, BusinessCalendar.dateOf(now))
            .apply(commands, splits, BatchMode.ATOMIC);
    if (outcome.firstRefusal() != null) {
      throw outcome.firstRefusal().toException();
    }
    Map<AccountId, long[]> sums = new LinkedHashMap<>();
    for (Transfer t : outcome.created()) {
      sums.computeIfAbsent(t.debitAccountId(), k -> new long[2])[0] += t.amountMinor();
      sums.computeIfAbsent(t.creditAccountId(), k -> new long[2])[1] += t.amountMinor();
    }
    for (SplitTransfer s : outcome.splits()) {
      sums.computeIfAbsent(s.transfer().debitAccountId(), k -> new long[2])[0] +=
          s.transfer().amountMinor();
      for (CreateSplitTransfer.Leg leg : s.legs()) {
        sums.computeIfAbsent(leg.creditAccountId(), k -> new long[2])[1] += leg.amountMinor();
      }
    }
    List<LedgerStore.PostedDelta> deltas = new ArrayList<>(sums.size());
    sums.forEach((id, d) -> deltas.add(new LedgerStore.PostedDelta(id, d[0], d[1])));
    store.writeBulk(outcome.created(), outcome.splits(), deltas);
  }

  /**
   * Voids pending transfers whose timeout has passed, at most {@code limit} of them, each on its
   * own (one already posted or voided concurrently is skipped).
   *
   * @return how many were voided
   */
  public int expirePendingTransfers(int limit) {
    Instant now = clock.instant();
    List<CreateTransfer> voids =
        store.expiredPendings(now, limit).stream()
            .map(p -> CreateTransfer.voidPending(TransferId.newId(clock), p.id(), "expired"))
            .toList();
    return (int)
        createTransfers(voids, BatchMode.EACH).stream()
            .filter(r -> r.status() == TransferResult.Status.CREATED)
            .count();
  }

  /**
   * A page of the owner's statement: the lines of all its accounts, newest first.
   *
   * @param from first business date, inclusive; null for the beginning
   * @param to last business date, inclusive; null for no end
   */
  public StatementPage statement(
      UUID ownerId, @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
    if (page < 0 || size < 1 || size > STATEMENT_PAGE_SIZE_MAX) {
      throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + STATEMENT_PAGE_SIZE_MAX);
    }
    LocalDate first = from == null ? EARLIEST : from;
    LocalDate last = to == null ? LATEST : to;
    return reads.execute(
        tx ->
            new StatementPage(
                store.statement(ownerId, first, last, Math.multiplyExact(page, size), size),
                page,
                size,
                store.statementSize(ownerId, first, last),
                balancesOf(ownerId)));
  }

  /** Runs the ledger check now; see {@link LedgerChecker}. */
  LedgerCheckReport audit(LedgerAudit audit) {
    return reads.execute(tx -> audit.report(store.audit(audit)));
  }

  private static <T> void addIfPresent(Set<T> set, @Nullable T value) {
    if (value != null) {
      set.add(value);
    }
  }
}
