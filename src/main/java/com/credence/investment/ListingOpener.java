package com.credence.investment;

import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import com.credence.ledger.AccountKind;
import com.credence.ledger.LedgerService;
import com.credence.origination.ApprovedLoans;
import com.credence.origination.LoanApproved;
import com.credence.shared.Currency;
import com.credence.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opens a listing for every approved loan: its escrow account, opening time and deadline, and the
 * disclosure the investor reads. Idempotent per application (the event may be delivered again).
 */
@Component
class ListingOpener {

  private final ListingStore store;
  private final LedgerService ledger;
  private final ApprovedLoans approvedLoans;
  private final Clock clock;
  private final AutoInvest autoInvest;
  private final ListingBrowser browser;

  ListingOpener(
      ListingStore store,
      LedgerService ledger,
      ApprovedLoans approvedLoans,
      Clock clock,
      AutoInvest autoInvest,
      ListingBrowser browser) {
    this.autoInvest = autoInvest;
    this.browser = browser;
    this.store = store;
    this.ledger = ledger;
    this.approvedLoans = approvedLoans;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(LoanApproved event) {
    UUID listingId = open(event);
    approvedLoans.markListed(event.applicationId(), listingId);
    // Browsing on this node shows the listing from the next read, and auto-invest has its turn, as
    // soon as the listing is committed (the job covers a crash and listings that open later).
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            browser.listingsChanged();
            autoInvest.runSoon(listingId);
          }
        });
  }

  UUID open(LoanApproved e) {
    var existing = store.listingOfApplication(e.applicationId());
    if (existing.isPresent()) {
      return existing.get().id();
    }
    Instant now = clock.instant();
    Instant opens = e.opensAt() == null ? now : e.opensAt();
    Instant closes = opens.plus(Duration.ofDays(Math.max(1, e.fundingPeriodDays())));
    UUID id = Ids.newId(clock);
    UUID escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, id, Currency.CNY).value();
    ListingRow row =
        new ListingRow(
            id,
            e.applicationId(),
            e.borrowerId(),
            title(e, id),
            e.product().name(),
            e.purpose().name(),
            e.grade().name(),
            e.annualRate().bps(),
            e.termMonths(),
            e.repaymentMethod().name(),
            e.amount().amountMinor(),
            0,
            e.minInvestment().amountMinor(),
            e.investmentStep().amountMinor(),
            e.partialFundingAllowed(),
            opens,
            closes,
            ListingStatus.OPEN,
            e.upfrontFee().amountMinor(),
            e.monthlyFee().amountMinor(),
            e.investorServiceFeeBps(),
            escrow,
            e.disclosure().borrowerSummary(),
            e.disclosure().collateralSummary(),
            e.disclosure().riskSummary(),
            e.disclosure().risks(),
            null,
            null,
            null,
            now);
    if (!store.insertListing(row)) {
      return store.listingOfApplication(e.applicationId()).orElseThrow().id();
    }
    return id;
  }

  /** E.g. "车辆抵押贷 B-12个月 #7A3F": product, grade, term and a short code of the listing. */
  static String title(LoanApproved e, UUID id) {
    String product =
        switch (e.product()) {
          case CREDIT -> "个人信用贷";
          case CAR -> "车辆抵押贷";
          case BUSINESS -> "小微企业贷";
        };
    String hex = id.toString().replace("-", "");
    return product
        + " "
        + e.grade().name()
        + "-"
        + e.termMonths()
        + "个月 #"
        + hex.substring(hex.length() - 4).toUpperCase(Locale.ROOT);
  }
}
