package com.credence.investment;

import com.credence.identity.Suitability;
import com.credence.investment.domain.BidPlan;
import com.credence.investment.persistence.InvestmentRow;
import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import com.credence.ledger.AccountId;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerError;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferResult;
import com.credence.shared.Currency;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invest rush (抢标): one in-process sequencer per listing. Bids of a listing queue in its lane;
 * one worker at a time drains the lane, decides the bids in memory against the remaining amount
 * ({@link BidPlan}) and writes them as one batch: the investment rows, the pending ledger transfers
 * ({@code createTransfers} in EACH mode) and one guarded update of the listing's raised amount, in
 * one transaction. A bid's answer is completed only after its batch committed. See ADR 0011.
 *
 * <p>Invariant: no listing raises more than its amount. The database holds it whatever this node
 * believes: the guarded update refuses a batch that does not fit (another node may have written),
 * the whole batch rolls back, the lane reloads the listing and decides the batch again.
 */
@Component
class InvestRush implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(InvestRush.class);
  private static final int GUARD_RETRIES = 5;
  private static final int LOCK_RETRIES = 3;

  /** A bid waiting for its batch. */
  record Bid(
      UUID listingId,
      UUID investorId,
      AccountId accountId,
      long amountMinor,
      boolean takeRemaining,
      String key,
      String requestHash,
      String source,
      Suitability suitability,
      CompletableFuture<Answer> answer) {}

  /** The answer to a bid: the stored investment, or a refusal. */
  record Answer(@Nullable InvestmentRow investment, @Nullable ProblemException refusal) {

    static Answer accepted(InvestmentRow row) {
      return new Answer(row, null);
    }

    static Answer refused(ProblemException problem) {
      return new Answer(null, problem);
    }
  }

  /** Listing funded by this node's batch: the funding runs after the answers are out. */
  interface FullListener {
    void listingFull(UUID listingId);
  }

  private final ListingStore store;
  private final LedgerService ledger;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final InvestmentProperties properties;
  private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
  private final ExecutorService workers;

  /** Funds full listings: a long disbursement never holds up a lane's next batch. */
  private final ExecutorService funding = Executors.newSingleThreadExecutor();

  private volatile @Nullable FullListener fullListener;

  InvestRush(
      ListingStore store,
      LedgerService ledger,
      TransactionTemplate tx,
      Clock clock,
      InvestmentProperties properties) {
    this.store = store;
    this.ledger = ledger;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
    this.workers = Executors.newFixedThreadPool(properties.workers());
  }

  void onFull(FullListener listener) {
    this.fullListener = listener;
  }

  /** The listing as this node last saw it (loaded once, then kept fresh by the batches). */
  Optional<ListingRow> listing(UUID listingId) {
    Lane lane = lanes.get(listingId);
    if (lane != null && lane.listing != null) {
      return Optional.of(lane.listing);
    }
    Optional<ListingRow> row = store.listing(listingId);
    row.ifPresent(r -> lanes.computeIfAbsent(listingId, id -> new Lane()).listing = r);
    return row;
  }

  /** Forgets what this node knows about the listing (after funding, failure, status changes). */
  void forget(UUID listingId) {
    Lane lane = lanes.get(listingId);
    if (lane != null) {
      lane.listing = null;
    }
  }

  CompletableFuture<Answer> submit(Bid bid) {
    Lane lane = lanes.computeIfAbsent(bid.listingId(), id -> new Lane());
    lane.queue.add(bid);
    schedule(lane);
    return bid.answer();
  }

  private void schedule(Lane lane) {
    if (!lane.queue.isEmpty() && lane.scheduled.compareAndSet(false, true)) {
      workers.execute(() -> drain(lane));
    }
  }

  private void drain(Lane lane) {
    try {
      while (true) {
        List<Bid> batch = new ArrayList<>();
        while (batch.size() < properties.batchMax() && !lane.deferred.isEmpty()) {
          batch.add(lane.deferred.poll());
        }
        Bid next;
        while (batch.size() < properties.batchMax() && (next = lane.queue.poll()) != null) {
          batch.add(next);
        }
        if (batch.isEmpty()) {
          return;
        }
        process(lane, batch);
      }
    } finally {
      lane.scheduled.set(false);
      schedule(lane);
    }
  }

  private void process(Lane lane, List<Bid> batch) {
    boolean finished = false;
    try {
      decideAndWrite(lane, batch);
      finished = true;
    } finally {
      if (!finished) {
        // An unexpected failure (the database is gone, an invariant broke): nothing of the batch
        // committed; its requests fail instead of waiting for their timeout.
        LOG.error("Writing a batch of {} bids failed", batch.size());
        lane.listing = null;
        IllegalStateException failure = new IllegalStateException("The bid's batch failed");
        batch.forEach(b -> b.answer().completeExceptionally(failure));
      }
    }
  }

  private void decideAndWrite(Lane lane, List<Bid> batch) {
    for (int attempt = 0; attempt < GUARD_RETRIES; attempt++) {
      if (lane.listing == null) {
        lane.listing = store.listing(batch.get(0).listingId()).orElse(null);
      }
      ListingRow listing = lane.listing;
      if (listing == null || !listing.isOpenAt(clock.instant())) {
        batch.forEach(b -> b.answer().complete(Answer.refused(InvestmentProblems.notOpen())));
        return;
      }
      if (write(lane, listing, batch)) {
        return;
      }
      // Another node wrote, or the listing closed: read it again and decide again.
      lane.listing = null;
    }
    batch.forEach(b -> b.answer().complete(Answer.refused(InvestmentProblems.busy())));
  }

  /** Decides and writes one batch; false when the database guard refused it (nothing written). */
  private boolean write(Lane lane, ListingRow listing, List<Bid> batch) {
    List<BidPlan.Decision> decisions =
        BidPlan.decide(
            listing.remainingMinor(),
            batch.stream()
                .map(
                    b ->
                        new BidPlan.Bid(
                            b.investorId().toString(),
                            b.key(),
                            b.requestHash(),
                            b.amountMinor(),
                            b.takeRemaining()))
                .toList());
    Decided decided;
    try {
      decided = writeRetryingLocks(listing, batch, decisions, clock.instant());
    } catch (GuardRefused e) {
      return false;
    }
    if (decided == null) {
      return false;
    }
    Map<Integer, ProblemException> unsuitable = decided.unsuitable();
    InvestmentRow[] rowOf = decided.rowOf();
    Written written = decided.written();
    long raised = written.raisedMinor() < 0 ? listing.raisedMinor() : written.raisedMinor();
    lane.listing = written.raisedMinor() < 0 ? listing : withRaised(listing, raised);
    // Room the plan gave to a bid that took none (a refused freeze, a key already used, a holding
    // over the limit) may fit a bid the plan refused as over remaining.
    long accepted = java.util.Arrays.stream(rowOf).filter(java.util.Objects::nonNull).count();
    boolean roomLeft = !unsuitable.isEmpty() || written.inserted().size() < accepted;
    answer(lane, batch, decisions, unsuitable, rowOf, written, roomLeft);
    if (raised == listing.amountMinor() && written.raisedMinor() >= 0) {
      FullListener listener = fullListener;
      if (listener != null) {
        funding.execute(() -> listener.listingFull(listing.id()));
      }
    }
    return true;
  }

  /** What one transaction decided and wrote for a batch. */
  private record Decided(
      Map<Integer, ProblemException> unsuitable, InvestmentRow[] rowOf, Written written) {}

  /**
   * Checks holdings and writes the batch in one transaction, again when PostgreSQL chose it as a
   * deadlock's victim or a lock wait failed: that transaction rolled back and wrote nothing, so the
   * batch is decided and written as if for the first time.
   */
  private @Nullable Decided writeRetryingLocks(
      ListingRow listing, List<Bid> batch, List<BidPlan.Decision> decisions, Instant now) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(s -> decideAndWriteRows(listing, batch, decisions, now));
      } catch (PessimisticLockingFailureException e) {
        if (attempt >= LOCK_RETRIES) {
          throw e;
        }
        LOG.warn(
            "Listing {}: a batch of {} bids lost a lock, written again",
            listing.id(),
            batch.size());
      }
    }
  }

  /**
   * First locks the bidders' accounts and the listing's escrow, in the ledger's one order: from
   * then until this transaction ends no other batch (another listing's lane, or another node) can
   * freeze money of these investors, and every batch that did has committed. So the holding check
   * that follows reads each investor's exposure exactly, and two bids of one investor on two
   * listings are checked one after the other. Then writes the accepted rows.
   */
  private Decided decideAndWriteRows(
      ListingRow listing, List<Bid> batch, List<BidPlan.Decision> decisions, Instant now) {
    Set<AccountId> accounts = new HashSet<>();
    batch.forEach(b -> accounts.add(b.accountId()));
    accounts.add(new AccountId(listing.escrowAccountId()));
    ledger.lockAccounts(accounts);
    Map<Integer, ProblemException> unsuitable = overHoldingLimit(batch, decisions);
    List<InvestmentRow> rows = new ArrayList<>();
    InvestmentRow[] rowOf = new InvestmentRow[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      BidPlan.Decision d = decisions.get(i);
      if (d.outcome() == BidPlan.Outcome.ACCEPTED && !unsuitable.containsKey(i)) {
        Bid b = batch.get(i);
        rowOf[i] =
            new InvestmentRow(
                Ids.newId(clock),
                listing.id(),
                b.investorId(),
                b.accountId().value(),
                d.amountMinor(),
                "FROZEN",
                Ids.newId(clock),
                b.source(),
                b.key(),
                b.requestHash(),
                now);
        rows.add(rowOf[i]);
      }
    }
    Written written = rows.isEmpty() ? Written.NOTHING : writeRows(listing, rows);
    return new Decided(unsuitable, rowOf, written);
  }

  /**
   * The bids whose investor would hold more than their risk level allows, checked exactly against
   * the stored investments (one round trip per batch) in arrival order, each accepted bid adding to
   * its investor's holding. A bid the plan refused as over remaining is checked too, since
   * suitability comes first in the order of refusals. The request thread checked the bid's own
   * amount only. Called with the bidders' accounts locked ({@link #decideAndWriteRows}).
   */
  private Map<Integer, ProblemException> overHoldingLimit(
      List<Bid> batch, List<BidPlan.Decision> decisions) {
    Set<UUID> investors = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      if (checksHolding(decisions.get(i))) {
        investors.add(batch.get(i).investorId());
      }
    }
    if (investors.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Long> holding = new HashMap<>(store.exposures(investors));
    Map<Integer, ProblemException> refused = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      BidPlan.Decision d = decisions.get(i);
      if (!checksHolding(d)) {
        continue;
      }
      Bid b = batch.get(i);
      Money limit = b.suitability().holdingLimit();
      long held = holding.getOrDefault(b.investorId(), 0L);
      if (limit == null || Math.addExact(held, b.amountMinor()) > limit.amountMinor()) {
        refused.put(i, InvestorFacts.overLimit(b.suitability()).toProblem());
      } else if (d.outcome() == BidPlan.Outcome.ACCEPTED) {
        holding.put(b.investorId(), held + d.amountMinor());
      }
    }
    return refused;
  }

  private static boolean checksHolding(BidPlan.Decision d) {
    return d.outcome() == BidPlan.Outcome.ACCEPTED
        || d.outcome() == BidPlan.Outcome.EXCEEDS_REMAINING;
  }

  /** What a batch's transaction wrote. */
  private record Written(Set<UUID> inserted, Map<UUID, LedgerError> refused, long raisedMinor) {
    static final Written NOTHING = new Written(Set.of(), Map.of(), -1);
  }

  /** Rows, freezes and the guarded sum in one transaction; throws (rolls back) when refused. */
  private Written writeRows(ListingRow listing, List<InvestmentRow> rows) {
    Set<UUID> inserted =
        new HashSet<>(store.insertInvestments(listing.id(), rows, clock.instant()));
    List<InvestmentRow> toFreeze = rows.stream().filter(r -> inserted.contains(r.id())).toList();
    Map<UUID, LedgerError> refused = new ConcurrentHashMap<>();
    long sum = 0;
    if (!toFreeze.isEmpty()) {
      AccountId escrow = new AccountId(listing.escrowAccountId());
      List<CreateTransfer> freezes =
          toFreeze.stream()
              .map(
                  r ->
                      CreateTransfer.pending(
                          new TransferId(r.transferId()),
                          new AccountId(r.accountId()),
                          escrow,
                          new Money(r.amountMinor(), Currency.CNY),
                          TransferCode.INVESTMENT,
                          "investment:" + r.id(),
                          null))
              .toList();
      List<TransferResult> results = ledger.createTransfers(freezes, BatchMode.EACH);
      List<UUID> refusedIds = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        TransferResult result = results.get(i);
        InvestmentRow row = toFreeze.get(i);
        if (result.accepted()) {
          sum += row.amountMinor();
        } else {
          refusedIds.add(row.id());
          refused.put(
              row.id(), result.error() == null ? LedgerError.INSUFFICIENT_FUNDS : result.error());
        }
      }
      store.deleteInvestments(refusedIds);
      refusedIds.forEach(inserted::remove);
    }
    if (sum == 0) {
      return new Written(inserted, refused, -1);
    }
    OptionalLong raised = store.addRaised(listing.id(), sum, clock.instant());
    if (raised.isEmpty()) {
      throw new GuardRefused();
    }
    return new Written(inserted, refused, raised.getAsLong());
  }

  private void answer(
      Lane lane,
      List<Bid> batch,
      List<BidPlan.Decision> decisions,
      Map<Integer, ProblemException> unsuitable,
      InvestmentRow[] rowOf,
      Written written,
      boolean roomLeft) {
    for (int i = 0; i < batch.size(); i++) {
      Bid b = batch.get(i);
      BidPlan.Decision d = decisions.get(i);
      ProblemException notSuitable = unsuitable.get(i);
      if (notSuitable != null) {
        b.answer().complete(Answer.refused(notSuitable));
        continue;
      }
      switch (d.outcome()) {
        case ACCEPTED -> {
          InvestmentRow row = rowOf[i];
          if (written.inserted().contains(row.id())) {
            b.answer().complete(Answer.accepted(row));
          } else if (written.refused().containsKey(row.id())) {
            b.answer().complete(Answer.refused(refusal(written.refused().get(row.id()))));
          } else {
            // The key was used by a request committed before this batch: the caller replays it.
            b.answer().complete(new Answer(null, null));
          }
        }
        case SAME_AS_EARLIER ->
            batch
                .get(d.earlierIndex())
                .answer()
                .whenComplete(
                    (a, e) -> {
                      if (e != null) {
                        b.answer().completeExceptionally(e);
                      } else {
                        b.answer().complete(a);
                      }
                    });
        case KEY_REUSED -> b.answer().complete(Answer.refused(InvestmentProblems.keyReused()));
        default -> { // EXCEEDS_REMAINING, the last outcome
          if (roomLeft) {
            // Room left by a bid that took none might fit this one: decide it again next batch.
            lane.deferred.add(b);
          } else {
            long remaining = lane.listing == null ? 0 : lane.listing.remainingMinor();
            b.answer()
                .complete(
                    Answer.refused(
                        remaining == 0
                            ? InvestmentProblems.notOpen()
                            : InvestmentProblems.exceedsRemaining(
                                new Money(remaining, Currency.CNY).toApiString())));
          }
        }
      }
    }
  }

  private static ProblemException refusal(LedgerError error) {
    return error == LedgerError.INSUFFICIENT_FUNDS
        ? InvestmentProblems.insufficientFunds()
        : InvestmentProblems.of(422, error.code(), "The freeze was refused");
  }

  private static ListingRow withRaised(ListingRow l, long raised) {
    return new ListingRow(
        l.id(),
        l.applicationId(),
        l.borrowerId(),
        l.title(),
        l.product(),
        l.purpose(),
        l.grade(),
        l.annualRateBps(),
        l.termMonths(),
        l.repaymentMethod(),
        l.amountMinor(),
        raised,
        l.minInvestmentMinor(),
        l.stepMinor(),
        l.partialAllowed(),
        l.opensAt(),
        l.closesAt(),
        raised == l.amountMinor() ? ListingStatus.FULL : l.status(),
        l.upfrontFeeMinor(),
        l.monthlyFeeMinor(),
        l.investorServiceFeeBps(),
        l.escrowAccountId(),
        l.borrowerSummary(),
        l.collateralSummary(),
        l.riskSummary(),
        l.risks(),
        l.loanId(),
        l.principalMinor(),
        l.valueDate(),
        l.createdAt());
  }

  @Override
  public void destroy() {
    workers.shutdown();
    funding.shutdown();
  }

  /** The guarded update refused the batch: roll it back. */
  private static final class GuardRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GuardRefused() {
      super("The listing's guard refused the batch", null, false, false);
    }
  }

  /** One listing's queue. */
  private static final class Lane {
    final Queue<Bid> queue = new ConcurrentLinkedQueue<>();
    final ArrayDeque<Bid> deferred = new ArrayDeque<>();
    final AtomicBoolean scheduled = new AtomicBoolean();
    volatile @Nullable ListingRow listing;
  }
}
