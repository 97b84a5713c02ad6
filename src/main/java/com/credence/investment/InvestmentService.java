package com.credence.investment;

import com.credence.identity.Suitability;
import com.credence.investment.domain.AmountCheck;
import com.credence.investment.persistence.AutoInvestStore;
import com.credence.investment.persistence.HoldingRow;
import com.credence.investment.persistence.InvestmentRow;
import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import com.credence.ledger.AccountId;
import com.credence.ledger.Balance;
import com.credence.risk.Grade;
import com.credence.shared.AnnualRate;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The investment module's facade: listings, investing, investments and holdings. The invest path
 * runs its checks in the order of the issue (identity and suitability, amount, open, remaining,
 * funds) and hands the bid to the listing's sequencer ({@link InvestRush}).
 */
@Service
public class InvestmentService {

  public static final int PAGE_SIZE_MAX = 100;
  private static final int KEY_LENGTH_MAX = 64;
  private static final int ANSWER_THREADS = 4;

  private final ListingStore store;
  private final InvestRush rush;
  private final ObjectProvider<HoldingFigures> figures;
  private final InvestmentProperties properties;
  private final Clock clock;
  private final AutoInvestStore autoInvest;
  private final InvestorFacts facts;
  private final Set<UUID> autoInvestDone = ConcurrentHashMap.newKeySet();

  /** Answers refused asynchronous bids (a key lookup each), off the sequencer's threads. */
  private final ExecutorService answers =
      Executors.newFixedThreadPool(
          ANSWER_THREADS,
          r -> {
            Thread t = new Thread(r, "invest-answer");
            t.setDaemon(true);
            return t;
          });

  InvestmentService(
      ListingStore store,
      InvestRush rush,
      ObjectProvider<HoldingFigures> figures,
      InvestmentProperties properties,
      Clock clock,
      AutoInvestStore autoInvest,
      InvestorFacts facts) {
    this.autoInvest = autoInvest;
    this.facts = facts;
    this.store = store;
    this.rush = rush;
    this.figures = figures;
    this.properties = properties;
    this.clock = clock;
  }

  // ---- listings

  public PageOf<ListingView> listings(ListingFilter filter, int page, int size) {
    int pageSize = Math.max(1, Math.min(size, PAGE_SIZE_MAX));
    int pageNumber = Math.max(0, page);
    ListingStore.Browse browse = browse(filter);
    List<ListingView> items =
        store.browse(browse, pageSize, (long) pageNumber * pageSize).stream()
            .map(InvestmentService::view)
            .toList();
    return new PageOf<>(items, pageNumber, pageSize, store.count(browse));
  }

  static ListingStore.Browse browse(ListingFilter f) {
    Integer minRateBps = null;
    if (f.minRate() != null && !f.minRate().isBlank()) {
      try {
        minRateBps = AnnualRate.parse(f.minRate().trim()).bps();
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw InvestmentProblems.of(400, "INVALID_RATE", "minRate is a fraction such as 0.0950");
      }
    }
    String grade = blankToNull(f.grade());
    if (grade != null && !List.of("A", "B", "C", "D", "E").contains(grade)) {
      throw InvestmentProblems.invalidRule("grade is one of A-E");
    }
    String sort = f.sort() == null ? "NEWEST" : f.sort().toUpperCase(Locale.ROOT);
    if (!List.of("NEWEST", "RATE_DESC", "RATE_ASC", "TERM_ASC", "CLOSING", "PROGRESS")
        .contains(sort)) {
      throw InvestmentProblems.invalidRule(
          "sort is NEWEST, RATE_DESC, RATE_ASC, TERM_ASC, CLOSING or PROGRESS");
    }
    return new ListingStore.Browse(
        f.status() == null ? null : f.status().name(),
        grade,
        f.termMonths(),
        minRateBps,
        blankToNull(f.product()),
        sort);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
  }

  /** The titles of the listings that became these loans (public), by loan id. */
  public Map<UUID, String> titlesOfLoans(Collection<UUID> loanIds) {
    return loanIds.isEmpty() ? Map.of() : store.titlesOfLoans(loanIds);
  }

  /** The listing, public. */
  public ListingView listing(UUID listingId) {
    return store
        .listing(listingId)
        .map(InvestmentService::view)
        .orElseThrow(InvestmentProblems::listingNotFound);
  }

  static ListingView view(ListingRow l) {
    return new ListingView(
        l.id(),
        l.title(),
        l.product(),
        l.purpose(),
        l.grade(),
        AnnualRate.ofBps(l.annualRateBps()),
        l.termMonths(),
        l.repaymentMethod(),
        Money.cny(l.amountMinor()),
        Money.cny(l.raisedMinor()),
        Money.cny(l.minInvestmentMinor()),
        Money.cny(l.stepMinor()),
        l.status(),
        l.opensAt(),
        l.closesAt(),
        l.loanId(),
        l.valueDate(),
        l.borrowerSummary(),
        l.collateralSummary(),
        l.riskSummary(),
        l.risks());
  }

  // ---- investing

  /** The answer to an investment request: the investment, and whether it is a replay. */
  public record Placed(InvestmentView investment, boolean replayed) {}

  /**
   * Places a bid and waits until its batch committed.
   *
   * @throws ProblemException with the codes of API.md; nothing moved
   */
  public Placed invest(PlaceInvestment command) {
    return invest(command, "MANUAL");
  }

  Placed invest(PlaceInvestment c, String source) {
    Checked checked = check(c, source);
    InvestRush.Bid bid = checked.bid();
    if (checked.replay() != null || bid == null) {
      return java.util.Objects.requireNonNull(checked.replay());
    }
    return outcome(c, bid, await(rush.submit(bid)));
  }

  /**
   * Places a bid like {@link #invest(PlaceInvestment)} but does not wait: the checks before the
   * sequencer run now (a refusal there is thrown), the answer completes when the bid's batch has
   * committed (or with a {@link ProblemException}). The caller's thread is free meanwhile, so a web
   * server needs no thread per waiting bid. An accepted bid's answer is made on the thread that
   * committed its batch; a refused one looks its key up on a small pool of its own, off that
   * thread.
   */
  public CompletableFuture<Placed> investLater(PlaceInvestment c) {
    Checked checked = check(c, "MANUAL");
    InvestRush.Bid bid = checked.bid();
    if (checked.replay() != null || bid == null) {
      return CompletableFuture.completedFuture(java.util.Objects.requireNonNull(checked.replay()));
    }
    return rush.submit(bid)
        .orTimeout(properties.bidTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (answer, error) -> {
              if (error == null && answer.refusal() == null && answer.investment() != null) {
                return CompletableFuture.completedFuture(
                    new Placed(view(answer.investment()), false));
              }
              return CompletableFuture.supplyAsync(
                  () -> outcome(c, bid, answerOf(error, answer)), answers);
            })
        .thenCompose(f -> f);
  }

  /** The sequencer's answer, or the problem its failure means (as {@link #await} gives it). */
  private static InvestRush.Answer answerOf(
      @Nullable Throwable error, InvestRush.@Nullable Answer answer) {
    if (error == null) {
      return java.util.Objects.requireNonNull(answer);
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      // The batch may still commit; the client repeats with the same key to learn the outcome.
      throw InvestmentProblems.busy();
    }
    throw new IllegalStateException("The bid's batch failed", cause);
  }

  /** A checked request: the replay of an earlier one, or the bid to hand to the sequencer. */
  record Checked(@Nullable Placed replay, InvestRush.@Nullable Bid bid) {}

  /**
   * Every check of the invest path, in the order, up to the sequencer. The common path
   * reads nothing from the database: the listing, the investor's suitability and funds account are
   * known in memory ({@link InvestorFacts}); the holding limit against the stored investments, the
   * available balance (the freeze itself) and the idempotency key (the unique insert) are decided
   * in the bid's batch. A refused request looks its key up first: a repeated request is answered as
   * the first one was.
   */
  Checked check(PlaceInvestment c, String source) {
    String key = c.idempotencyKey();
    if (key.isEmpty() || key.length() > KEY_LENGTH_MAX) {
      throw InvestmentProblems.keyInvalid();
    }
    Money amount = amount(c.amountText());
    String hash = requestHash(c.listingId(), amount, c.takeRemaining());
    try {
      return new Checked(null, bid(c, source, amount, hash));
    } catch (ProblemException refusal) {
      return new Checked(replayOr(c.investorId(), key, hash, refusal), null);
    }
  }

  private InvestRush.Bid bid(PlaceInvestment c, String source, Money amount, String hash) {
    ListingRow listing =
        rush.listing(c.listingId()).orElseThrow(InvestmentProblems::listingNotFound);
    Suitability suitability = facts.suitability(c.investorId(), listing.grade(), amount);
    if (!suitability.suitable()) {
      throw suitability.toProblem();
    }
    ProblemException later = laterRefusal(listing, amount, c.takeRemaining(), source);
    Optional<AccountId> account =
        later == null ? facts.fundsAccount(c.investorId()) : Optional.empty();
    if (later != null || account.isEmpty()) {
      // Refused: the holding limit comes first in the order of refusals, check it exactly now.
      Money limit = java.util.Objects.requireNonNull(suitability.holdingLimit());
      if (Math.addExact(store.exposure(c.investorId()), amount.amountMinor())
          > limit.amountMinor()) {
        throw InvestorFacts.overLimit(suitability).toProblem();
      }
      throw later != null ? later : InvestmentProblems.insufficientFunds();
    }
    return new InvestRush.Bid(
        listing.id(),
        c.investorId(),
        account.get(),
        amount.amountMinor(),
        c.takeRemaining(),
        c.idempotencyKey(),
        hash,
        source,
        suitability,
        new CompletableFuture<>());
  }

  /** The refusal of the checks after suitability that need no database, or null. */
  private @Nullable ProblemException laterRefusal(
      ListingRow listing, Money amount, boolean takeRemaining, String source) {
    AmountCheck check =
        AmountCheck.of(amount.amountMinor(), listing.minInvestmentMinor(), listing.stepMinor());
    if (check == AmountCheck.BELOW_MINIMUM) {
      return InvestmentProblems.belowMinimum(Money.cny(listing.minInvestmentMinor()).toApiString());
    }
    if (check == AmountCheck.NOT_STEP_MULTIPLE) {
      return InvestmentProblems.notStepMultiple(Money.cny(listing.stepMinor()).toApiString());
    }
    if (!listing.isOpenAt(clock.instant())
        || ("MANUAL".equals(source) && !autoInvestDone(listing.id()))) {
      return InvestmentProblems.notOpen();
    }
    if (amount.amountMinor() > listing.remainingMinor() && !takeRemaining) {
      return InvestmentProblems.exceedsRemaining(Money.cny(listing.remainingMinor()).toApiString());
    }
    return null;
  }

  /** Manual investors wait until auto-invest had its turn (known once per listing per node). */
  private boolean autoInvestDone(UUID listingId) {
    if (autoInvestDone.contains(listingId)) {
      return true;
    }
    boolean done = autoInvest.runDone(listingId);
    if (done) {
      autoInvestDone.add(listingId);
    }
    return done;
  }

  CompletableFuture<InvestRush.Answer> submit(InvestRush.Bid bid) {
    return rush.submit(bid);
  }

  @PreDestroy
  void stopAnswering() {
    answers.shutdownNow();
  }

  /** The answer of the sequencer as the API's answer. */
  Placed outcome(PlaceInvestment c, InvestRush.Bid bid, InvestRush.Answer answer) {
    if (answer.refusal() != null) {
      return replayOr(c.investorId(), c.idempotencyKey(), bid.requestHash(), answer.refusal());
    }
    InvestmentRow row = answer.investment();
    if (row == null) {
      return replay(c.investorId(), c.idempotencyKey(), bid.requestHash())
          .orElseThrow(InvestmentProblems::busy);
    }
    return new Placed(view(row), false);
  }

  InvestRush.Answer await(CompletableFuture<InvestRush.Answer> f) {
    try {
      return f.get(properties.bidTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The batch may still commit; the client repeats with the same key to learn the outcome.
      throw InvestmentProblems.busy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw InvestmentProblems.busy();
    } catch (ExecutionException e) {
      throw new IllegalStateException("The bid's batch failed", e.getCause());
    }
  }

  /** The answer to an earlier request with this key, else the refusal. */
  private Placed replayOr(UUID investorId, String key, String hash, ProblemException refusal) {
    return replay(investorId, key, hash).orElseThrow(() -> refusal);
  }

  private Optional<Placed> replay(UUID investorId, String key, String hash) {
    Optional<InvestmentRow> existing = store.investmentByKey(investorId, key);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (!existing.get().requestHash().equals(hash)) {
      throw InvestmentProblems.keyReused();
    }
    return Optional.of(new Placed(view(existing.get()), true));
  }

  /** The investor's funds account, null when the user has none (no card bound). */
  @Nullable Balance investorFunds(UUID investorId) {
    return facts.funds(investorId);
  }

  static Money amount(@Nullable String text) {
    Money amount;
    try {
      amount = Money.parseCny(text == null ? "" : text.trim());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw InvestmentProblems.invalidAmount("The amount is a sum in yuan such as 100.00");
    }
    if (amount.isZero()) {
      throw InvestmentProblems.invalidAmount("The amount must be more than zero");
    }
    return amount;
  }

  static String requestHash(UUID listingId, Money amount, boolean takeRemaining) {
    String canonical = listingId + "|" + amount.amountMinor() + "|" + takeRemaining;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  static InvestmentView view(InvestmentRow r) {
    return new InvestmentView(
        r.id(), r.listingId(), Money.cny(r.amountMinor()), r.status(), r.source(), r.createdAt());
  }

  // ---- my investments and holdings

  /** The statuses "my investments" can be filtered by. */
  public static final List<String> INVESTMENT_STATUSES = List.of("FROZEN", "ACTIVE", "REFUNDED");

  public PageOf<InvestmentLine> investmentsOf(
      UUID investorId, @Nullable String status, int page, int size) {
    int pageSize = Math.max(1, Math.min(size, PAGE_SIZE_MAX));
    int pageNumber = Math.max(0, page);
    String s = blankToNull(status);
    if (s != null && !INVESTMENT_STATUSES.contains(s)) {
      throw InvestmentProblems.invalidRule("status is FROZEN, ACTIVE or REFUNDED");
    }
    List<InvestmentLine> items =
        store.investmentsOf(investorId, s, pageSize, (long) pageNumber * pageSize).stream()
            .map(
                r ->
                    new InvestmentLine(
                        view(r.investment()),
                        r.listingTitle(),
                        ListingStatus.valueOf(r.listingStatus())))
            .toList();
    return new PageOf<>(items, pageNumber, pageSize, store.countInvestmentsOf(investorId, s));
  }

  public PageOf<HoldingView> holdingsOf(UUID investorId, int page, int size) {
    int pageSize = Math.max(1, Math.min(size, PAGE_SIZE_MAX));
    int pageNumber = Math.max(0, page);
    List<HoldingRow> rows = store.holdingsOf(investorId, pageSize, (long) pageNumber * pageSize);
    HoldingFigures source = figures.getIfAvailable();
    Map<UUID, HoldingFigures.Figures> known =
        source == null ? Map.of() : source.figures(rows.stream().map(HoldingRow::id).toList());
    List<HoldingView> items =
        rows.stream()
            .map(
                h -> {
                  HoldingFigures.Figures f = known.get(h.id());
                  Money principal = Money.cny(h.principalMinor());
                  return new HoldingView(
                      h.id(),
                      h.listingId(),
                      h.loanId(),
                      h.title(),
                      h.grade(),
                      principal,
                      f == null ? principal : f.outstandingPrincipal(),
                      f == null ? Money.zero(Currency.CNY) : f.receivedInterest(),
                      h.listingStatus());
                })
            .toList();
    return new PageOf<>(items, pageNumber, pageSize, store.countHoldingsOf(investorId));
  }

  /**
   * The investor's money at work by grade: the outstanding principal of every holding, and what is
   * frozen in listings not yet funded. Grades with nothing are left out.
   */
  public Map<Grade, Money> allocationByGrade(UUID investorId) {
    Map<Grade, Money> byGrade = new EnumMap<>(Grade.class);
    for (int page = 0; ; page++) {
      PageOf<HoldingView> holdings = holdingsOf(investorId, page, PAGE_SIZE_MAX);
      for (HoldingView h : holdings.items()) {
        byGrade.merge(Grade.valueOf(h.grade()), h.outstandingPrincipal(), Money::plus);
      }
      if ((long) (page + 1) * PAGE_SIZE_MAX >= holdings.total() || holdings.items().isEmpty()) {
        break;
      }
    }
    store
        .frozenByGrade(investorId)
        .forEach(
            (grade, minor) -> byGrade.merge(Grade.valueOf(grade), Money.cny(minor), Money::plus));
    byGrade.values().removeIf(Money::isZero);
    return byGrade;
  }

  /** The next {@code months} months of the investor's cash flows, from this month. */
  public List<HoldingFigures.MonthFlows> cashFlowCalendar(UUID investorId, int months) {
    YearMonth from = YearMonth.from(com.credence.shared.BusinessCalendar.today(clock));
    HoldingFigures source = figures.getIfAvailable();
    if (source == null) {
      Money zero = Money.zero(Currency.CNY);
      return java.util.stream.IntStream.range(0, months)
          .mapToObj(i -> new HoldingFigures.MonthFlows(from.plusMonths(i), zero, zero, zero, zero))
          .toList();
    }
    return source.monthlyCashFlows(investorId, from, months);
  }
}
