package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.persistence.HoldingRow;
import com.credence.investment.persistence.InvestmentRow;
import com.credence.ledger.AccountKind;
import com.credence.ledger.Balance;
import com.credence.shared.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Full funding (满标) and failure (流标), end to end through the API and the ledger. */
class FundingIT extends InvestmentFixture {

  @org.springframework.beans.factory.annotation.Autowired LoanOutcomes outcomes;
  @org.springframework.beans.factory.annotation.Autowired InvestRush rush;
  @org.springframework.beans.factory.annotation.Autowired InvestmentService investmentService;

  @org.springframework.beans.factory.annotation.Autowired
  com.credence.investment.persistence.NotificationStore notifications;

  /**
   * A full listing's freezes are posted a chunk at a time before the disbursement ({@code
   * funding-chunk} is 2 in the tests). A funding stopped after its first chunk is finished by the
   * next run: every freeze posted once, the holdings exact.
   */
  @Test
  void aFundingStoppedAfterItsFirstChunkIsFinishedByTheNextRun() {
    UUID listing = listing(Terms.of(1_000));
    TestUser a = investor(1_000);
    TestUser b = investor(1_000);
    TestUser c = investor(1_000);
    assertThat(invest(a, listing, "300.00", "a").statusCode()).isEqualTo(201);
    assertThat(invest(b, listing, "300.00", "b").statusCode()).isEqualTo(201);
    // The funding the last bid starts is held back, as if the node stopped before it ran.
    rush.onFull(id -> {});
    try {
      assertThat(invest(c, listing, "400.00", "c").statusCode()).isEqualTo(201);
    } finally {
      rush.onFull(funding::settle);
    }
    assertThat(funding.postFreezes(listing, 1)).isEqualTo(1);
    List<String> statuses =
        store.investmentsOfListing(listing).stream().map(i -> i.status()).sorted().toList();
    assertThat(statuses).containsExactly("ACTIVE", "ACTIVE", "FROZEN");
    var row = store.listing(listing).orElseThrow();
    assertThat(row.loanId()).as("not disbursed yet").isNull();
    long posted =
        store.investmentsOfListing(listing).stream()
            .filter(i -> "ACTIVE".equals(i.status()))
            .mapToLong(i -> i.amountMinor())
            .sum();
    assertThat(
            ledger.balance(new com.credence.ledger.AccountId(row.escrowAccountId())).totalMinor())
        .as("the first chunk is in the escrow")
        .isEqualTo(posted);

    funding.settle(listing);
    funding.settle(listing);
    assertThat(funded.count(listing)).isEqualTo(1);
    assertThat(store.investmentsOfListing(listing))
        .allSatisfy(i -> assertThat(i.status()).isEqualTo("ACTIVE"));
    assertThat(
            store.holdingsOfListing(listing).stream().mapToLong(HoldingRow::principalMinor).sum())
        .isEqualTo(100_000);
    assertThat(
            ledger.balance(new com.credence.ledger.AccountId(row.escrowAccountId())).totalMinor())
        .isZero();
    for (TestUser u : List.of(a, b, c)) {
      assertThat(funds(u.userId()).frozenMinor()).isZero();
    }
    assertThat(funds(a.userId()).totalMinor()).isEqualTo(70_000);
    assertThat(funds(b.userId()).totalMinor()).isEqualTo(70_000);
    assertThat(funds(c.userId()).totalMinor()).isEqualTo(60_000);
  }

  @Test
  void aFullListingIsDisbursedTheFeeChargedAndTheHoldingsCreated() {
    UUID listing = listing(Terms.of(1_000).fee(20));
    TestUser a = investor(1_000);
    TestUser b = investor(1_000);
    assertThat(invest(a, listing, "300.00", "a1").statusCode()).isEqualTo(201);
    assertThat(invest(b, listing, "200.00", "b1").statusCode()).isEqualTo(201);
    assertThat(invest(a, listing, "500.00", "a2").statusCode()).isEqualTo(201);
    awaitLoan(listing);

    var row = store.listing(listing).orElseThrow();
    assertThat(row.status())
        .as("FULL, or REPAYING once repayment has booked the loan")
        .isIn(ListingStatus.FULL, ListingStatus.REPAYING);
    assertThat(row.loanId()).isEqualTo(row.applicationId());
    assertThat(row.valueDate()).isNotNull();
    Balance borrower =
        ledger.balance(
            ledger.openAccount(AccountKind.BORROWER_FUNDS, row.borrowerId(), Currency.CNY));
    assertThat(borrower.totalMinor()).as("principal minus the upfront fee").isEqualTo(98_000);
    assertThat(
            ledger.balance(new com.credence.ledger.AccountId(row.escrowAccountId())).totalMinor())
        .isZero();
    assertThat(funds(a.userId()).totalMinor()).isEqualTo(20_000);
    assertThat(funds(a.userId()).frozenMinor()).isZero();
    assertThat(funds(b.userId()).totalMinor()).isEqualTo(80_000);

    List<HoldingRow> holdings = store.holdingsOfListing(listing);
    assertThat(holdings).hasSize(2);
    assertThat(holdings.stream().mapToLong(HoldingRow::principalMinor).sum()).isEqualTo(100_000);
    LoanFunded event = funded.of(listing).orElseThrow();
    assertThat(funded.count(listing)).isEqualTo(1);
    assertThat(event.loanId()).isEqualTo(row.applicationId());
    assertThat(event.principal().amountMinor()).isEqualTo(100_000);
    assertThat(event.holdings()).hasSize(2);
    assertThat(event.holdings().stream().mapToLong(h -> h.principal().amountMinor()).sum())
        .isEqualTo(100_000);
    assertThat(event.monthlyFee().amountMinor()).isEqualTo(1_000);
    assertThat(event.investorServiceFeeBps()).isEqualTo(1000);

    JsonNode mine = json(http.getWithToken("/api/v1/me/holdings", a.token()).body());
    assertThat(mine.get("total").asLong()).isEqualTo(1);
    assertThat(mine.get("items").get(0).get("principal").asString()).isEqualTo("800.00");
    assertThat(mine.get("items").get(0).get("loanId").asString())
        .isEqualTo(row.applicationId().toString());
    JsonNode active =
        json(http.getWithToken("/api/v1/me/investments?status=ACTIVE", a.token()).body());
    assertThat(active.get("total").asLong()).isEqualTo(2);

    // Funding again (the deadline job on another node) does nothing.
    funding.settle(listing);
    assertThat(funded.count(listing)).isEqualTo(1);
    assertThat(store.holdingsOfListing(listing)).hasSize(2);
    // A full listing refuses more bids.
    TestUser late = investor(1_000);
    HttpResponse409 refused = new HttpResponse409(invest(late, listing, "100.00", "late"));
    assertThat(refused.code()).isEqualTo("LISTING_NOT_OPEN");
    assertThat(funds(late.userId()).availableMinor()).isEqualTo(100_000);
  }

  /** Moves the shared business clock two days on (it only ever moves forward). */
  private void passTheDeadline() {
    JsonNode now = json(http.get("/api/v1/sim/clock").body());
    String target = java.time.LocalDate.parse(now.get("date").asString()).plusDays(2).toString();
    var moved = http.postJson("/api/v1/sim/clock", "{\"date\":\"" + target + "\"}", null);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
  }

  @Test
  void aListingNotFullAtItsDeadlineFailsEveryFreezeIsVoidedAndTheMoneyIsBack() {
    UUID listing = listing(Terms.of(10_000).opens(clock.instant(), 1));
    TestUser a = investor(1_000);
    TestUser b = investor(1_000);
    assertThat(invest(a, listing, "300.00", "a").statusCode()).isEqualTo(201);
    assertThat(invest(b, listing, "400.00", "b").statusCode()).isEqualTo(201);
    assertThat(invest(a, listing, "100.00", "a2").statusCode()).isEqualTo(201);
    assertThat(funds(a.userId()).frozenMinor()).isEqualTo(40_000);
    passTheDeadline();
    // Tokens issued before the move have expired with the days: a fresh investor bids late.
    TestUser lateComer = investor(1_000);
    HttpResponse409 late = new HttpResponse409(invest(lateComer, listing, "100.00", "late"));
    assertThat(late.code()).isEqualTo("LISTING_NOT_OPEN");
    funding.settleDue();
    funding.settle(listing);

    var row = store.listing(listing).orElseThrow();
    assertThat(row.status()).isEqualTo(ListingStatus.FAILED);
    assertThat(row.loanId()).isNull();
    assertThat(funds(a.userId()).frozenMinor()).isZero();
    assertThat(funds(a.userId()).availableMinor()).isEqualTo(100_000);
    assertThat(funds(b.userId()).availableMinor()).isEqualTo(100_000);
    assertThat(
            ledger.balance(new com.credence.ledger.AccountId(row.escrowAccountId())).totalMinor())
        .isZero();
    assertThat(store.investmentsOfListing(listing))
        .hasSize(3)
        .allMatch(i -> "REFUNDED".equals(i.status()));
    assertThat(store.holdingsOfListing(listing)).isEmpty();
    assertThat(funded.count(listing)).isZero();
  }

  /**
   * A failure voids the freezes in chunks (2 in the tests) after the listing is FAILED: a run that
   * stopped after its first chunk leaves the listing marked, and the next run of the deadline job
   * voids the rest, once.
   */
  @Test
  void aFailureStoppedAfterItsFirstChunkIsFinishedByTheNextRun() {
    UUID listing = listing(Terms.of(10_000).opens(clock.instant(), 1));
    TestUser a = investor(1_000);
    TestUser b = investor(1_000);
    TestUser c = investor(1_000);
    assertThat(invest(a, listing, "300.00", "a").statusCode()).isEqualTo(201);
    assertThat(invest(b, listing, "400.00", "b").statusCode()).isEqualTo(201);
    assertThat(invest(c, listing, "100.00", "c").statusCode()).isEqualTo(201);
    passTheDeadline();

    funding.settle(listing, 1);
    var row = store.listing(listing).orElseThrow();
    assertThat(row.status()).isEqualTo(ListingStatus.FAILED);
    List<InvestmentRow> investments = store.investmentsOfListing(listing);
    assertThat(investments.stream().map(InvestmentRow::status).sorted())
        .containsExactly("FROZEN", "REFUNDED", "REFUNDED");
    long stillFrozen =
        investments.stream()
            .filter(i -> "FROZEN".equals(i.status()))
            .mapToLong(InvestmentRow::amountMinor)
            .sum();
    var escrow = new com.credence.ledger.AccountId(row.escrowAccountId());
    assertThat(ledger.account(escrow).orElseThrow().creditsPendingMinor())
        .as("the escrow still expects what the next chunk voids")
        .isEqualTo(stillFrozen);
    long frozenOfInvestors =
        List.of(a, b, c).stream().mapToLong(u -> funds(u.userId()).frozenMinor()).sum();
    assertThat(frozenOfInvestors).isEqualTo(stillFrozen);
    assertThat(store.refundsPending(100)).contains(listing);
    TestUser waiting =
        List.of(a, b, c).stream()
            .filter(u -> funds(u.userId()).frozenMinor() > 0)
            .findFirst()
            .orElseThrow();
    // (The clock has moved past the API tokens' lifetime; the investor signs in again.)
    InvestmentLine mine =
        investmentService.investmentsOf(waiting.userId(), null, 0, 10).items().get(0);
    assertThat(mine.investment().status()).as("its money is still frozen").isEqualTo("FROZEN");
    assertThat(mine.listingStatus()).isEqualTo(ListingStatus.FAILED);
    assertThat(mine.listingTitle()).isEqualTo(row.title());
    assertThat(mine.shown()).isEqualTo(InvestmentLine.REFUNDING);
    com.credence.support.PageSession page = signIn(waiting);
    assertThat(page.get("/me/portfolio").body())
        .contains("<td class=\"investment-status\">退款中</td>");
    assertThat(notifications.ofListing(listing))
        .as("the borrower is told at once, the investors once their money is back")
        .extracting(n -> n.audience())
        .containsExactly(Notifier.BORROWER);

    funding.settleDue();
    funding.settleDue();
    assertThat(store.refundsPending(100)).doesNotContain(listing);
    assertThat(notifications.ofListing(listing))
        .filteredOn(n -> Notifier.INVESTOR.equals(n.audience()))
        .extracting(n -> n.userId(), n -> n.kind(), n -> n.amountMinor())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(a.userId(), "LISTING_FAILED", 30_000L),
            org.assertj.core.groups.Tuple.tuple(b.userId(), "LISTING_FAILED", 40_000L),
            org.assertj.core.groups.Tuple.tuple(c.userId(), "LISTING_FAILED", 10_000L));
    assertThat(store.investmentsOfListing(listing))
        .allSatisfy(i -> assertThat(i.status()).isEqualTo("REFUNDED"));
    assertThat(page.get("/me/portfolio").body())
        .contains("<td class=\"investment-status\">已退回</td>")
        .doesNotContain("退款中");
    for (TestUser u : List.of(a, b, c)) {
      assertThat(funds(u.userId()).frozenMinor()).isZero();
      assertThat(funds(u.userId()).availableMinor()).isEqualTo(100_000);
    }
    assertThat(ledger.account(escrow).orElseThrow().creditsPendingMinor()).isZero();
    assertThat(ledger.balance(escrow).totalMinor()).isZero();
    assertThat(funded.count(listing)).isZero();
  }

  @Test
  void aProductThatAllowsItOffersAPartialLoanAtTheDeadlineAndKeepsTheFreezes() {
    UUID listing = listing(Terms.of(1_000).opens(clock.instant(), 1).partial());
    UUID tooLittle = listing(Terms.of(1_000).opens(clock.instant(), 1).partial());
    TestUser a = investor(2_000);
    assertThat(invest(a, listing, "600.00", "a").statusCode()).isEqualTo(201);
    assertThat(invest(a, tooLittle, "100.00", "b").statusCode()).isEqualTo(201);
    passTheDeadline();
    funding.settle(listing);
    funding.settle(tooLittle);

    // The borrower is asked first (PartialOfferIT covers the answers): nothing is disbursed yet.
    var row = store.listing(listing).orElseThrow();
    assertThat(row.status()).isEqualTo(ListingStatus.OFFERED);
    assertThat(row.loanId()).isNull();
    assertThat(funded.count(listing)).isZero();
    assertThat(store.listing(tooLittle).orElseThrow().status()).isEqualTo(ListingStatus.FAILED);
    assertThat(funds(a.userId()).totalMinor()).isEqualTo(200_000);
    assertThat(funds(a.userId()).frozenMinor()).isEqualTo(60_000);
    funding.settle(listing);
    assertThat(store.listing(listing).orElseThrow().status()).isEqualTo(ListingStatus.OFFERED);
  }

  @Test
  void theListingFollowsTheLoanAndASettledLoanReleasesItsCollateral() {
    UUID listing = listing(Terms.of(500));
    TestUser a = investor(1_000);
    assertThat(invest(a, listing, "500.00", "all").statusCode()).isEqualTo(201);
    awaitLoan(listing);
    UUID loanId = store.listing(listing).orElseThrow().loanId();
    outcomes.loanStatusChanged(loanId, ListingStatus.REPAYING);
    assertThat(store.listing(listing).orElseThrow().status()).isEqualTo(ListingStatus.REPAYING);
    outcomes.loanStatusChanged(loanId, ListingStatus.REPAYING);
    outcomes.loanStatusChanged(loanId, ListingStatus.DEFAULTED);
    outcomes.loanStatusChanged(loanId, ListingStatus.REPAYING);
    assertThat(store.listing(listing).orElseThrow().status())
        .as("a late REPAYING does not take a defaulted listing back")
        .isEqualTo(ListingStatus.DEFAULTED);
    outcomes.loanStatusChanged(loanId, ListingStatus.SETTLED);
    assertThat(store.listing(listing).orElseThrow().status()).isEqualTo(ListingStatus.SETTLED);
    assertThat(
            json(http.getWithToken("/api/v1/me/holdings", a.token()).body())
                .get("items")
                .get(0)
                .get("status")
                .asString())
        .isEqualTo("SETTLED");
    outcomes.loanStatusChanged(loanId, ListingStatus.REPAYING);
    assertThat(store.listing(listing).orElseThrow().status())
        .as("a late REPAYING does not take a settled listing back")
        .isEqualTo(ListingStatus.SETTLED);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> outcomes.loanStatusChanged(loanId, ListingStatus.FAILED))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatCode(
            () -> outcomes.loanStatusChanged(UUID.randomUUID(), ListingStatus.SETTLED))
        .as("a loan with no listing here changes nothing and fails no sender")
        .doesNotThrowAnyException();
  }

  /** Extracts the code of a refusal. */
  private record HttpResponse409(java.net.http.HttpResponse<String> r) {
    String code() {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
      return InvestmentFixture.code(r);
    }
  }
}
