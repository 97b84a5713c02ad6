package com.credence.investment;

import com.credence.investment.domain.DeadlineOutcome;
import com.credence.investment.domain.HoldingSplit;
import com.credence.investment.persistence.HoldingRow;
import com.credence.investment.persistence.InvestmentRow;
import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
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
 * Full funding (满标) and failure (流标). Each runs in one transaction holding the listing row's lock
 * (taken once per listing, never per bid), and re-checks the status under it, so two nodes (the one
 * whose batch filled the listing and the deadline job of another) never do it twice.
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

  Funding(
      ListingStore store,
      LedgerService ledger,
      ApprovedLoans approvedLoans,
      RiskService risk,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      InvestRush rush,
      InvestmentProperties properties,
      Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.approvedLoans = approvedLoans;
    this.risk = risk;
    this.events = events;
    this.tx = tx;
    this.rush = rush;
    this.properties = properties;
    this.clock = clock;
    rush.onFull(this::fundFull);
  }

  /** Disburses a FULL listing (called after the batch that filled it). */
  private void fundFull(UUID listingId) {
    settle(listingId);
  }

  /** Settles every listing that is due: deadline passed, or full and not disbursed. */
  int settleDue() {
    List<UUID> due = store.dueListings(clock.instant(), DUE_PER_RUN);
    int settled = 0;
    for (UUID id : due) {
      try {
        settle(id);
        settled++;
      } catch (org.springframework.dao.DataAccessException | ProblemException e) {
        LOG.error("Settling listing {} failed; the next run tries again", id, e);
      }
    }
    return settled;
  }

  /** Funds or fails the listing as its state asks; does nothing when nothing is due. */
  void settle(UUID listingId) {
    Optional<ListingRow> seen = store.listing(listingId);
    if (seen.isEmpty() || seen.get().loanId() != null) {
      return;
    }
    Instant now = clock.instant();
    ListingRow l = seen.get();
    boolean fund = decideFunding(l, now);
    boolean due = l.status() == ListingStatus.FULL || !now.isBefore(l.closesAt());
    if (!due || !(l.status() == ListingStatus.FULL || l.status() == ListingStatus.OPEN)) {
      return;
    }
    boolean capsOk = !fund || capsAllow(l);
    tx.executeWithoutResult(
        s -> {
          ListingRow locked = store.lockListing(listingId).orElseThrow();
          if (locked.loanId() != null
              || !(locked.status() == ListingStatus.FULL
                  || (locked.status() == ListingStatus.OPEN && !now.isBefore(locked.closesAt())))) {
            return;
          }
          if (capsOk && decideFunding(locked, now)) {
            disburse(locked);
          } else {
            fail(locked, now);
          }
        });
    rush.forget(listingId);
  }

  private boolean decideFunding(ListingRow l, Instant now) {
    if (l.status() == ListingStatus.FULL) {
      return true;
    }
    return l.status() == ListingStatus.OPEN
        && !now.isBefore(l.closesAt())
        && DeadlineOutcome.of(
                l.raisedMinor(),
                l.amountMinor(),
                l.partialAllowed(),
                properties.minPartialShareBps())
            == DeadlineOutcome.FUND_PARTIAL;
  }

  /** The borrowing caps checked again (REGULATION.md); outside the funding transaction. */
  private boolean capsAllow(ListingRow l) {
    try {
      approvedLoans.checkBorrowingCapsAgain(
          l.applicationId(), Money.cny(store.outstandingOfBorrower(l.borrowerId(), l.id())));
      return true;
    } catch (ProblemException e) {
      LOG.warn("Listing {} fails: borrowing caps ({})", l.id(), e.code());
      return false;
    }
  }

  private void disburse(ListingRow l) {
    List<InvestmentRow> frozen =
        store.investmentsOfListing(l.id()).stream()
            .filter(i -> "FROZEN".equals(i.status()))
            .toList();
    long principal = l.raisedMinor();
    Invariants.check(
        frozen.stream().mapToLong(InvestmentRow::amountMinor).sum() == principal,
        "listing %s: frozen investments do not add up to raised %s",
        l.id(),
        principal);
    String reference = "listing:" + l.id();
    List<CreateTransfer> posts = new ArrayList<>();
    for (InvestmentRow i : frozen) {
      posts.add(
          CreateTransfer.post(
              TransferId.newId(clock), new TransferId(i.transferId()), i.amountMinor(), reference));
    }
    apply(posts);
    UUID loanId = l.applicationId();
    AccountId escrow = new AccountId(l.escrowAccountId());
    AccountId borrower =
        ledger.openAccount(AccountKind.BORROWER_FUNDS, l.borrowerId(), Currency.CNY);
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
            frozen.stream()
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
    LOG.info("Listing {} funded: loan {}, {} holdings", l.id(), loanId, holdings.size());
  }

  private void fail(ListingRow l, Instant now) {
    String reference = "listing:" + l.id();
    List<CreateTransfer> voids = new ArrayList<>();
    for (InvestmentRow i : store.investmentsOfListing(l.id())) {
      if ("FROZEN".equals(i.status())) {
        voids.add(
            CreateTransfer.voidPending(
                TransferId.newId(clock), new TransferId(i.transferId()), reference));
      }
    }
    apply(voids);
    store.setInvestmentStatus(l.id(), "FROZEN", "REFUNDED");
    store.markFailed(l.id(), now);
    risk.releaseCollateral(l.applicationId());
    LOG.info("Listing {} failed: {} freezes voided", l.id(), voids.size());
  }

  private void apply(List<CreateTransfer> transfers) {
    for (int from = 0; from < transfers.size(); from += LEDGER_BATCH) {
      ledger.createTransfers(
          transfers.subList(from, Math.min(transfers.size(), from + LEDGER_BATCH)),
          BatchMode.ATOMIC);
    }
  }
}
