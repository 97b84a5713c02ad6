package com.credence.investment;

import com.credence.investment.domain.DeadlineOutcome;
import com.credence.investment.domain.HoldingSplit;
import com.credence.investment.persistence.HoldingRow;
import com.credence.investment.persistence.InvestmentRow;
import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import com.credence.investment.persistence.OfferRow;
import com.credence.investment.persistence.OfferStore;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.origination.ApprovedLoans;
import com.credence.risk.RiskService;
import com.credence.shared.AnnualRate;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Currency;
import com.credence.shared.Ids;
import com.credence.shared.Invariants;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full funding (满标), failure (流标) and the partial loan offered to the borrower. Each runs in one
 * transaction holding the listing row's lock (taken once per listing, never per bid), and re-checks
 * the status under it, so two nodes (the one whose batch filled the listing and the deadline job of
 * another) never do it twice.
 */
@Component
class Funding {

  private static final Logger LOG = LoggerFactory.getLogger(Funding.class);
  private static final int LEDGER_BATCH = 4000;
  private static final int DUE_PER_RUN = 50;

  private final ListingStore store;
  private final LedgerService ledger;
  private final ApprovedLoans approvedLoans;
  private final RiskService risk;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final InvestRush rush;
  private final InvestmentProperties properties;
  private final Clock clock;
  private final OfferStore offers;
  private final Notifier notifier;

  Funding(
      ListingStore store,
      LedgerService ledger,
      ApprovedLoans approvedLoans,
      RiskService risk,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      InvestRush rush,
      InvestmentProperties properties,
      Clock clock,
      OfferStore offers,
      Notifier notifier) {
    this.store = store;
    this.ledger = ledger;
    this.approvedLoans = approvedLoans;
    this.risk = risk;
    this.events = events;
    this.tx = tx;
    this.rush = rush;
    this.properties = properties;
    this.clock = clock;
    this.offers = offers;
    this.notifier = notifier;
    rush.onFull(this::fundFull);
  }

  /** Disburses a FULL listing (called after the batch that filled it). */
  private void fundFull(UUID listingId) {
    settle(listingId);
  }

  /**
   * Settles every listing that is due: deadline passed, or full and not disbursed; then the partial
   * loan offers whose window has ended without an answer.
   */
  int settleDue() {
    Instant now = clock.instant();
    int settled = 0;
    for (UUID id : store.dueListings(now, DUE_PER_RUN)) {
      try {
        settle(id);
        settled++;
      } catch (org.springframework.dao.DataAccessException | ProblemException e) {
        LOG.error("Settling listing {} failed; the next run tries again", id, e);
      }
    }
    for (UUID id : store.refundsPending(DUE_PER_RUN)) {
      try {
        if (refund(id, Integer.MAX_VALUE) > 0) {
          settled++;
        }
      } catch (org.springframework.dao.DataAccessException e) {
        LOG.error("Refunding failed listing {} failed; the next run tries again", id, e);
      }
    }
    for (UUID id : offers.due(now, DUE_PER_RUN)) {
      try {
        if (expireOffer(id, now)) {
          settled++;
        }
      } catch (org.springframework.dao.DataAccessException | ProblemException e) {
        LOG.error("Expiring the offer of listing {} failed; the next run tries again", id, e);
      }
    }
    return settled;
  }

  /**
   * Funds a FULL listing, or at its deadline fails an OPEN one (and voids its freezes) or offers
   * the borrower a partial loan; does nothing when nothing is due.
   */
  void settle(UUID listingId) {
    settle(listingId, Integer.MAX_VALUE);
  }

  /** {@link #settle}, voiding at most {@code refundChunks} chunks of a failed listing's freezes. */
  void settle(UUID listingId, int refundChunks) {
    decide(listingId);
    if (store.listing(listingId).filter(l -> l.status() == ListingStatus.FAILED).isPresent()) {
      refund(listingId, refundChunks);
    }
  }

  private void decide(UUID listingId) {
    Optional<ListingRow> seen = store.listing(listingId);
    if (seen.isEmpty() || seen.get().loanId() != null) {
      return;
    }
    Instant now = clock.instant();
    ListingRow l = seen.get();
    boolean full = l.status() == ListingStatus.FULL;
    if (!full && !(l.status() == ListingStatus.OPEN && !now.isBefore(l.closesAt()))) {
      return;
    }
    boolean capsOk = full && reserveCaps(l);
    if (capsOk) {
      postFreezes(listingId, Integer.MAX_VALUE);
    }
    tx.executeWithoutResult(
        s -> {
          ListingRow locked = store.lockListing(listingId).orElseThrow();
          if (locked.loanId() != null) {
            return;
          }
          if (locked.status() == ListingStatus.FULL && full) {
            // A funding that has begun posting freezes is finished: the caps allowed it then.
            if (capsOk || !store.investmentsInStatus(listingId, "ACTIVE", 1).isEmpty()) {
              boolean accepted =
                  offers.offer(listingId).filter(o -> "ACCEPTED".equals(o.status())).isPresent();
              disburse(
                  locked,
                  accepted ? NotificationKind.OFFER_ACCEPTED : NotificationKind.LISTING_FUNDED);
            } else {
              fail(locked, now, NotificationKind.LISTING_FAILED);
            }
          } else if (locked.status() == ListingStatus.OPEN && !now.isBefore(locked.closesAt())) {
            if (partialLoanDue(locked)) {
              offer(locked, now);
            } else {
              fail(locked, now, NotificationKind.LISTING_FAILED);
            }
          }
        });
    rush.forget(listingId);
  }

  /** At the deadline: the product allows a partial loan and at least the least share was raised. */
  private boolean partialLoanDue(ListingRow l) {
    return DeadlineOutcome.of(
            l.raisedMinor(), l.amountMinor(), l.partialAllowed(), properties.minPartialShareBps())
        == DeadlineOutcome.FUND_PARTIAL;
  }

  /** OPEN -> OFFERED: the freezes stay; the borrower has the offer window to answer. */
  private void offer(ListingRow l, Instant now) {
    Instant until = now.plus(properties.offerWindow());
    if (!offers.makeOffer(
        new OfferRow(
            l.id(),
            l.borrowerId(),
            l.amountMinor(),
            l.raisedMinor(),
            now,
            until,
            "OFFERED",
            null,
            null))) {
      return;
    }
    notifier.listingEvent(
        l,
        NotificationKind.OFFER_MADE,
        store.investmentsInStatus(l.id(), "FROZEN", Integer.MAX_VALUE),
        l.raisedMinor(),
        until,
        now);
    LOG.info("Listing {} offered to its borrower as a partial loan until {}", l.id(), until);
  }

  /**
   * The borrower's answer to a partial loan offer, under the listing row's lock: the offer must be
   * the user's, still open and within its window. The same key with the same answer is a replay;
   * with the other answer, a reused key.
   *
   * <p>An accepted offer is then funded as a full listing is: its freezes posted in chunks (ADR
   * 0021), then the disbursement; a declined one is refunded in chunks (ADR 0022). A replay
   * finishes what a stopped answer left, as the deadline job would.
   *
   * @return the offer after the answer
   */
  OfferRow answer(UUID listingId, UUID userId, boolean accept, String key) {
    OfferRow answered = decideOffer(listingId, userId, accept, key);
    if ("ACCEPTED".equals(answered.status())) {
      settle(listingId);
    } else {
      refund(listingId, Integer.MAX_VALUE);
    }
    return answered;
  }

  /**
   * The answer alone, under the listing row's lock: an accepted offer's listing becomes FULL (its
   * freezes and the disbursement follow), a declined one's FAILED.
   */
  OfferRow decideOffer(UUID listingId, UUID userId, boolean accept, String key) {
    if (key.isEmpty() || key.length() > 64) {
      throw InvestmentProblems.keyInvalid();
    }
    OfferRow seen =
        offers
            .offer(listingId)
            .filter(o -> o.borrowerId().equals(userId))
            .orElseThrow(OfferProblems::notFound);
    String wanted = accept ? "ACCEPTED" : "DECLINED";
    if (key.equals(seen.decisionKey())) {
      return replay(seen, wanted);
    }
    checkOpen(seen, clock.instant());
    ListingRow l = store.listing(listingId).orElseThrow(OfferProblems::notFound);
    if (accept && !reserveCaps(l)) {
      throw OfferProblems.capsExceeded();
    }
    OfferRow answered =
        tx.execute(
            s -> {
              Instant now = clock.instant();
              ListingRow locked = store.lockListing(listingId).orElseThrow();
              OfferRow o = offers.offer(listingId).orElseThrow();
              if (key.equals(o.decisionKey())) {
                return replay(o, wanted);
              }
              checkOpen(o, now);
              Invariants.check(
                  locked.status() == ListingStatus.OFFERED && locked.loanId() == null,
                  "listing %s: offer open but listing %s",
                  listingId,
                  locked.status());
              offers.decide(listingId, wanted, now, key);
              if (accept) {
                store.markAccepted(listingId);
              } else {
                fail(locked, now, NotificationKind.OFFER_DECLINED);
              }
              return offers.offer(listingId).orElseThrow();
            });
    LOG.info("Listing {}: the borrower answered the offer: {}", listingId, wanted);
    return java.util.Objects.requireNonNull(answered);
  }

  private static OfferRow replay(OfferRow o, String wanted) {
    if (!wanted.equals(o.status())) {
      throw InvestmentProblems.keyReused();
    }
    return o;
  }

  private static void checkOpen(OfferRow o, Instant now) {
    if ("EXPIRED".equals(o.status())) {
      throw OfferProblems.expired();
    }
    if (!"OFFERED".equals(o.status())) {
      throw OfferProblems.decided();
    }
    if (!now.isBefore(o.expiresAt())) {
      throw OfferProblems.expired();
    }
  }

  /**
   * Fails an offered listing whose window has ended at {@code now} without an answer; under the
   * listing row's lock, so it settles one way only against a racing answer.
   *
   * @return true when this call expired it
   */
  boolean expireOffer(UUID listingId, Instant now) {
    Boolean expired =
        tx.execute(
            s -> {
              ListingRow locked = store.lockListing(listingId).orElseThrow();
              Optional<OfferRow> o = offers.offer(listingId);
              if (locked.status() != ListingStatus.OFFERED
                  || o.isEmpty()
                  || !"OFFERED".equals(o.get().status())
                  || now.isBefore(o.get().expiresAt())) {
                return false;
              }
              offers.decide(listingId, "EXPIRED", now, null);
              fail(locked, now, NotificationKind.OFFER_EXPIRED);
              return true;
            });
    if (Boolean.TRUE.equals(expired)) {
      refund(listingId, Integer.MAX_VALUE);
      return true;
    }
    return false;
  }

  /**
   * Posts a full listing's freezes into its escrow before the disbursement, {@code funding-chunk}
   * per transaction: each holds the listing row's lock and the locks of its own investors' accounts
   * only, so the invest rush's batches on other listings with the same investors wait for one
   * chunk, not for the whole funding. Posted investments become ACTIVE. A listing that is not FULL,
   * or is disbursed already, is left alone; a stopped run leaves the rest FROZEN for the next one
   * (or for the disbursement, which posts what is still frozen).
   *
   * @return how many chunks this call posted (at most {@code maxChunks})
   */
  int postFreezes(UUID listingId, int maxChunks) {
    return inChunks(
        listingId,
        maxChunks,
        new Resolution(
            "ACTIVE",
            l -> l.status() == ListingStatus.FULL && l.loanId() == null,
            this::posts,
            l -> {}));
  }

  /**
   * What a chunk does with a listing's freezes: when the listing (locked) {@code applies}, it
   * writes their {@code transfers} and moves the investments from FROZEN to {@code status}; once
   * none is left, {@code whenDone} runs in the transaction that found none.
   */
  private record Resolution(
      String status,
      java.util.function.Predicate<ListingRow> applies,
      java.util.function.BiFunction<ListingRow, List<InvestmentRow>, List<CreateTransfer>>
          transfers,
      java.util.function.Consumer<ListingRow> whenDone) {}

  /**
   * Resolves a listing's freezes {@code funding-chunk} per transaction (ADR 0021, 0022). Each chunk
   * locks the listing row, then the escrow and its own investors' accounts in the ledger's order.
   *
   * @return how many chunks this call resolved (at most {@code maxChunks})
   */
  private int inChunks(UUID listingId, int maxChunks, Resolution r) {
    int chunks = 0;
    while (chunks < maxChunks) {
      Boolean done =
          tx.execute(
              s -> {
                ListingRow locked = store.lockListing(listingId).orElse(null);
                if (locked == null || !r.applies().test(locked)) {
                  return false;
                }
                List<InvestmentRow> chunk =
                    store.investmentsInStatus(listingId, "FROZEN", properties.fundingChunk());
                if (chunk.isEmpty()) {
                  r.whenDone().accept(locked);
                  return false;
                }
                ledger.lockAccounts(accountsOf(locked, chunk));
                apply(r.transfers().apply(locked, chunk));
                int moved =
                    store.setInvestmentStatus(
                        chunk.stream().map(InvestmentRow::id).toList(), "FROZEN", r.status());
                Invariants.check(
                    moved == chunk.size(),
                    "listing %s: %s of %s investments moved to %s",
                    listingId,
                    moved,
                    chunk.size(),
                    r.status());
                return true;
              });
      if (!Boolean.TRUE.equals(done)) {
        return chunks;
      }
      chunks++;
    }
    return chunks;
  }

  private List<CreateTransfer> posts(ListingRow l, List<InvestmentRow> frozen) {
    String reference = "listing:" + l.id();
    List<CreateTransfer> posts = new ArrayList<>(frozen.size());
    for (InvestmentRow i : frozen) {
      posts.add(
          CreateTransfer.post(
              TransferId.newId(clock), new TransferId(i.transferId()), i.amountMinor(), reference));
    }
    return posts;
  }

  /**
   * The borrowing caps checked again (REGULATION.md) before a funding starts, and the listing's
   * place under them reserved, under a per-borrower lock: another funding of the same borrower (on
   * another node, or the deadline job beside the rush's funding) waits and then counts this one. A
   * listing that holds its reservation already passes.
   */
  private boolean reserveCaps(ListingRow l) {
    Boolean reserved =
        tx.execute(
            s -> {
              store.lockBorrowerCaps(l.borrowerId());
              if (store.capsReserved(l.id())) {
                return true;
              }
              try {
                approvedLoans.checkBorrowingCapsAgain(
                    l.applicationId(),
                    Money.cny(store.outstandingOfBorrower(l.borrowerId(), l.id())));
              } catch (ProblemException e) {
                LOG.warn("Listing {} fails: borrowing caps ({})", l.id(), e.code());
                return false;
              }
              store.reserveCaps(l.id());
              return true;
            });
    return Boolean.TRUE.equals(reserved);
  }

  /**
   * Posts what is still frozen (all of it for a partial loan; what {@link #postFreezes} left for a
   * full listing), pays the borrower and the fee, and makes the holdings: one transaction.
   */
  private void disburse(ListingRow l, NotificationKind kind) {
    List<InvestmentRow> invested =
        store.investmentsOfListing(l.id()).stream()
            .filter(i -> "FROZEN".equals(i.status()) || "ACTIVE".equals(i.status()))
            .toList();
    List<InvestmentRow> frozen =
        invested.stream().filter(i -> "FROZEN".equals(i.status())).toList();
    long principal = l.raisedMinor();
    Invariants.check(
        invested.stream().mapToLong(InvestmentRow::amountMinor).sum() == principal,
        "listing %s: investments do not add up to raised %s",
        l.id(),
        principal);
    List<CreateTransfer> posts = posts(l, frozen);
    UUID loanId = l.applicationId();
    AccountId escrow = new AccountId(l.escrowAccountId());
    AccountId borrower =
        ledger.openAccount(AccountKind.BORROWER_FUNDS, l.borrowerId(), Currency.CNY);
    List<AccountId> touched = accountsOf(l, frozen);
    touched.add(borrower);
    if (l.upfrontFeeMinor() > 0) {
      touched.add(ledger.platformAccount(AccountKind.PLATFORM_FEE_INCOME, Currency.CNY));
    }
    ledger.lockAccounts(touched);
    apply(posts);
    List<CreateTransfer> payout = new ArrayList<>();
    payout.add(
        CreateTransfer.single(
            TransferId.newId(clock),
            escrow,
            borrower,
            Money.cny(principal),
            TransferCode.DISBURSEMENT,
            "loan:" + loanId));
    if (l.upfrontFeeMinor() > 0) {
      payout.add(
          CreateTransfer.single(
              TransferId.newId(clock),
              borrower,
              ledger.platformAccount(AccountKind.PLATFORM_FEE_INCOME, Currency.CNY),
              Money.cny(l.upfrontFeeMinor()),
              TransferCode.FEE,
              "loan:" + loanId));
    }
    ledger.createTransfers(payout, BatchMode.ATOMIC);
    List<HoldingSplit.Part> parts =
        HoldingSplit.holdings(
            invested.stream()
                .map(
                    i ->
                        new HoldingSplit.Part(
                            i.investorId().toString(), i.accountId().toString(), i.amountMinor()))
                .toList(),
            principal);
    Instant now = clock.instant();
    List<HoldingRow> holdings = new ArrayList<>();
    List<LoanFunded.FundedHolding> funded = new ArrayList<>();
    for (HoldingSplit.Part p : parts) {
      HoldingRow h =
          new HoldingRow(
              Ids.newId(clock),
              l.id(),
              loanId,
              UUID.fromString(p.investorId()),
              UUID.fromString(p.accountId()),
              p.amountMinor(),
              ListingStatus.FULL.name(),
              l.grade(),
              l.title(),
              now);
      holdings.add(h);
      funded.add(
          new LoanFunded.FundedHolding(
              h.id(), h.investorId(), new AccountId(h.accountId()), Money.cny(p.amountMinor())));
    }
    store.insertHoldings(holdings);
    store.setInvestmentStatus(l.id(), "FROZEN", "ACTIVE");
    LocalDate valueDate = BusinessCalendar.today(clock);
    store.markFunded(l.id(), loanId, principal, valueDate);
    events.publishEvent(
        new LoanFunded(
            loanId,
            l.id(),
            l.applicationId(),
            l.borrowerId(),
            Money.cny(principal),
            AnnualRate.ofBps(l.annualRateBps()),
            l.termMonths(),
            RepaymentMethod.valueOf(l.repaymentMethod()),
            valueDate,
            escrow,
            borrower,
            Money.cny(l.monthlyFeeMinor()),
            l.investorServiceFeeBps(),
            funded));
    notifier.listingEvent(l, kind, invested, principal, null, now);
    LOG.info("Listing {} funded: loan {}, {} holdings", l.id(), loanId, holdings.size());
  }

  /**
   * Marks the listing FAILED (no bid is taken from here on), releases the collateral and tells its
   * borrower. The freezes are voided after this transaction, by {@link #refund}, whose last
   * transaction tells the investors their money is back.
   */
  private void fail(ListingRow l, Instant now, NotificationKind kind) {
    store.markFailed(l.id(), now, kind.name());
    risk.releaseCollateral(l.applicationId());
    notifier.borrowerEvent(l, kind, l.raisedMinor(), now);
    LOG.info("Listing {} failed; its freezes are voided next", l.id());
  }

  /**
   * Voids a FAILED listing's freezes, {@code funding-chunk} per transaction (ADR 0022), the same
   * way {@link #postFreezes} posts a full one's: each chunk holds the listing row's lock and its
   * own investors' account locks only, and moves its investments from FROZEN to REFUNDED. When none
   * is left the listing is no longer marked as waiting for refunds. A stopped run leaves the rest
   * for the next run of the deadline job.
   *
   * @return how many chunks this call voided (at most {@code maxChunks})
   */
  int refund(UUID listingId, int maxChunks) {
    int chunks =
        inChunks(
            listingId,
            maxChunks,
            new Resolution(
                "REFUNDED", l -> l.status() == ListingStatus.FAILED, this::voids, this::refunded));
    if (chunks > 0) {
      LOG.info("Listing {}: {} chunks of freezes voided", listingId, chunks);
    }
    return chunks;
  }

  /** Every freeze voided: the investors are told their money is back, once. */
  private void refunded(ListingRow l) {
    store
        .refundsDone(l.id())
        .ifPresent(
            notice ->
                notifier.investorsEvent(
                    l,
                    NotificationKind.valueOf(notice),
                    store.investmentsInStatus(l.id(), "REFUNDED", Integer.MAX_VALUE),
                    clock.instant()));
  }

  private List<CreateTransfer> voids(ListingRow l, List<InvestmentRow> frozen) {
    String reference = "listing:" + l.id();
    List<CreateTransfer> voids = new ArrayList<>(frozen.size());
    for (InvestmentRow i : frozen) {
      voids.add(
          CreateTransfer.voidPending(
              TransferId.newId(clock), new TransferId(i.transferId()), reference));
    }
    return voids;
  }

  /**
   * The listing's escrow and its investors' accounts. Locked first, in one order, by a funding or
   * failure: its transfers are written in several batches, whose own locks would otherwise be taken
   * out of order and could deadlock with the invest rush's batches on the same investors.
   */
  private static List<AccountId> accountsOf(ListingRow l, List<InvestmentRow> frozen) {
    List<AccountId> accounts = new ArrayList<>(frozen.size() + 3);
    accounts.add(new AccountId(l.escrowAccountId()));
    frozen.forEach(i -> accounts.add(new AccountId(i.accountId())));
    return accounts;
  }

  private void apply(List<CreateTransfer> transfers) {
    for (int from = 0; from < transfers.size(); from += LEDGER_BATCH) {
      ledger.createTransfers(
          transfers.subList(from, Math.min(transfers.size(), from + LEDGER_BATCH)),
          BatchMode.ATOMIC);
    }
  }
}
