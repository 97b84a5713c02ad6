package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.persistence.HoldingRow;
import com.credence.investment.persistence.NotificationRow;
import com.credence.investment.persistence.NotificationStore;
import com.credence.investment.persistence.OfferRow;
import com.credence.investment.persistence.OfferStore;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.shared.Currency;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A partial loan offered to the borrower: made at the deadline with the freezes kept, accepted
 * (disbursed for what was raised), declined or left to expire (failed, every freeze voided); only
 * the borrower answers, once; an answer racing the expiry settles one way only.
 */
class PartialOfferIT extends InvestmentFixture {

  @Autowired OfferStore offers;
  @Autowired NotificationStore notifications;

  /** A partial listing of 1,000 CNY of the borrower with 400 + 200 raised, then offered. */
  private record Offered(UUID listing, TestUser a, TestUser b) {}

  private List<Offered> offered(TestUser borrower, int count) {
    List<Offered> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID listing =
          listing(Terms.of(1_000).opens(clock.instant(), 1).partial(), borrower.userId());
      TestUser a = investor(1_000);
      TestUser b = investor(1_000);
      assertThat(invest(a, listing, "300.00", "a1").statusCode()).isEqualTo(201);
      assertThat(invest(b, listing, "200.00", "b1").statusCode()).isEqualTo(201);
      assertThat(invest(a, listing, "100.00", "a2").statusCode()).isEqualTo(201);
      made.add(new Offered(listing, a, b));
    }
    passDays(2);
    for (Offered o : made) {
      funding.settle(o.listing());
    }
    return made;
  }

  private HttpResponse<String> answer(
      TestUser user, UUID listing, String action, @Nullable String key) {
    HttpRequest.Builder b =
        http.request("/api/v1/me/offers/" + listing + "/" + action)
            .header("Authorization", "Bearer " + user.token())
            .POST(HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return http.send(b);
  }

  private static JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  private static void refused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(code(r)).isEqualTo(code);
  }

  private List<NotificationRow> notices(UUID listing, NotificationKind kind) {
    return notifications.ofListing(listing).stream()
        .filter(n -> n.kind().equals(kind.name()))
        .toList();
  }

  private long borrowerFunds(UUID borrowerId) {
    return ledger
        .balance(ledger.openAccount(AccountKind.BORROWER_FUNDS, borrowerId, Currency.CNY))
        .totalMinor();
  }

  private long escrowPending(UUID escrow) {
    return ledger.account(new AccountId(escrow)).orElseThrow().creditsPendingMinor();
  }

  private void assertOfferedWithFreezesKept(Offered o, UUID borrowerId) {
    var row = store.listing(o.listing()).orElseThrow();
    assertThat(row.status()).isEqualTo(ListingStatus.OFFERED);
    assertThat(row.loanId()).isNull();
    assertThat(funds(o.a().userId()).frozenMinor()).isEqualTo(40_000);
    assertThat(funds(o.b().userId()).frozenMinor()).isEqualTo(20_000);
    assertThat(escrowPending(row.escrowAccountId())).isEqualTo(60_000);
    assertThat(store.investmentsOfListing(o.listing()))
        .as("the freezes have no timeout: they outlive the offer window")
        .allMatch(
            i ->
                ledger
                        .transfer(new com.credence.ledger.TransferId(i.transferId()))
                        .orElseThrow()
                        .expiresAt()
                    == null);
    assertThat(store.investmentsOfListing(o.listing())).allMatch(i -> "FROZEN".equals(i.status()));
    assertThat(funded.count(o.listing())).isZero();
    OfferRow offer = offers.offer(o.listing()).orElseThrow();
    assertThat(offer.status()).isEqualTo("OFFERED");
    assertThat(offer.raisedMinor()).isEqualTo(60_000);
    assertThat(offer.expiresAt()).isEqualTo(offer.madeAt().plus(java.time.Duration.ofDays(3)));
    List<NotificationRow> made = notices(o.listing(), NotificationKind.OFFER_MADE);
    assertThat(made)
        .extracting(NotificationRow::userId, NotificationRow::amountMinor, NotificationRow::untilAt)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(o.a().userId(), 40_000L, offer.expiresAt()),
            org.assertj.core.groups.Tuple.tuple(o.b().userId(), 20_000L, offer.expiresAt()),
            org.assertj.core.groups.Tuple.tuple(borrowerId, 60_000L, offer.expiresAt()));
  }

  /**
   * An accepted offer is funded as a full listing is, its freezes posted in chunks (2 in the
   * tests). An answer whose funding stopped after the first chunk is finished by the deadline job:
   * one loan for what was raised, and everyone told of the accepted offer, once.
   */
  /** Disbursed for what was raised (600 CNY), nothing left frozen, everyone told of the accept. */
  private void assertFundedAsAccepted(Offered o, UUID borrowerId) {
    var row = store.listing(o.listing()).orElseThrow();
    assertThat(row.status()).isIn(ListingStatus.FULL, ListingStatus.REPAYING);
    assertThat(row.principalMinor()).isEqualTo(60_000);
    assertThat(row.loanId()).isEqualTo(row.applicationId());
    assertThat(funded.count(o.listing())).isEqualTo(1);
    assertThat(funded.of(o.listing()).orElseThrow().principal().amountMinor()).isEqualTo(60_000);
    assertThat(borrowerFunds(borrowerId)).isEqualTo(60_000);
    assertThat(ledger.balance(new AccountId(row.escrowAccountId())).totalMinor()).isZero();
    assertThat(funds(o.a().userId()).frozenMinor()).isZero();
    assertThat(funds(o.b().userId()).frozenMinor()).isZero();
    assertThat(notices(o.listing(), NotificationKind.OFFER_ACCEPTED))
        .extracting(NotificationRow::userId, NotificationRow::amountMinor)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(o.a().userId(), 40_000L),
            org.assertj.core.groups.Tuple.tuple(o.b().userId(), 20_000L),
            org.assertj.core.groups.Tuple.tuple(borrowerId, 60_000L));
  }

  @Test
  void anAcceptedOfferWhoseFundingStoppedAfterItsFirstChunkIsFinishedByTheNextRun() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    Offered o = offered(borrower, 1).get(0);
    OfferRow answered = funding.decideOffer(o.listing(), borrower.userId(), true, "yes");
    assertThat(answered.status()).isEqualTo("ACCEPTED");
    assertThat(store.listing(o.listing()).orElseThrow().status()).isEqualTo(ListingStatus.FULL);
    assertThat(funding.postFreezes(o.listing(), 1)).isEqualTo(1);
    assertThat(store.investmentsOfListing(o.listing()).stream().map(i -> i.status()).sorted())
        .containsExactly("ACTIVE", "ACTIVE", "FROZEN");
    assertThat(store.listing(o.listing()).orElseThrow().loanId()).as("not disbursed yet").isNull();
    assertThat(notices(o.listing(), NotificationKind.OFFER_ACCEPTED)).isEmpty();

    funding.settleDue();
    funding.settleDue();
    assertFundedAsAccepted(o, borrower.userId());
    assertThat(notices(o.listing(), NotificationKind.LISTING_FUNDED)).isEmpty();
    // The same answer again: the first one, nothing moves twice.
    assertThat(funding.answer(o.listing(), borrower.userId(), true, "yes").status())
        .isEqualTo("ACCEPTED");
    assertThat(funded.count(o.listing())).isEqualTo(1);
    assertThat(borrowerFunds(borrower.userId())).isEqualTo(60_000);
  }

  @Test
  void theBorrowerAcceptsAndTheLoanIsDisbursedForWhatWasRaised() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    Offered o = offered(borrower, 1).get(0);
    assertOfferedWithFreezesKept(o, borrower.userId());
    borrower = signInAgain(borrower);
    TestUser stranger = signInAgain(o.a());
    assertThat(
            json(http.getWithToken("/api/v1/listings/" + o.listing(), stranger.token()).body())
                .get("status")
                .asString())
        .isEqualTo("OFFERED");

    // Someone else: not found, nothing moved.
    refused(
        http.getWithToken("/api/v1/me/offers/" + o.listing(), stranger.token()), 404, "NOT_FOUND");
    refused(answer(stranger, o.listing(), "accept", "s1"), 404, "NOT_FOUND");
    refused(answer(stranger, o.listing(), "decline", "s2"), 404, "NOT_FOUND");
    refused(answer(borrower, UUID.randomUUID(), "accept", "x"), 404, "NOT_FOUND");
    // No key: refused, nothing moved.
    refused(answer(borrower, o.listing(), "accept", null), 400, "IDEMPOTENCY_KEY_REQUIRED");
    assertThat(store.listing(o.listing()).orElseThrow().status()).isEqualTo(ListingStatus.OFFERED);
    assertThat(funds(o.a().userId()).frozenMinor()).isEqualTo(40_000);

    JsonNode seen = ok(http.getWithToken("/api/v1/me/offers/" + o.listing(), borrower.token()));
    assertThat(seen.get("status").asString()).isEqualTo("OFFERED");
    assertThat(seen.get("raised").asString()).isEqualTo("600.00");
    assertThat(seen.get("amount").asString()).isEqualTo("1000.00");
    JsonNode mine = ok(http.getWithToken("/api/v1/me/offers", borrower.token()));
    assertThat(mine.get("total").asLong()).isEqualTo(1);

    JsonNode accepted = ok(answer(borrower, o.listing(), "accept", "yes-1"));
    assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
    assertFundedAsAccepted(o, borrower.userId());
    var row = store.listing(o.listing()).orElseThrow();
    assertThat(accepted.get("loanId").asString()).isEqualTo(row.loanId().toString());
    assertThat(funds(o.a().userId()).totalMinor()).isEqualTo(60_000);
    assertThat(funds(o.b().userId()).totalMinor()).isEqualTo(80_000);
    assertThat(store.holdingsOfListing(o.listing()))
        .extracting(HoldingRow::investorId, HoldingRow::principalMinor)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(o.a().userId(), 40_000L),
            org.assertj.core.groups.Tuple.tuple(o.b().userId(), 20_000L));

    // The same key again: the first answer; the key for the other answer: reused; another key:
    // answered already. Nothing moves.
    JsonNode replay = ok(answer(borrower, o.listing(), "accept", "yes-1"));
    assertThat(replay.get("decidedAt").asString()).isEqualTo(accepted.get("decidedAt").asString());
    refused(answer(borrower, o.listing(), "decline", "yes-1"), 409, "IDEMPOTENCY_KEY_REUSED");
    refused(answer(borrower, o.listing(), "accept", "yes-2"), 409, "OFFER_ALREADY_DECIDED");
    refused(answer(borrower, o.listing(), "decline", "no-1"), 409, "OFFER_ALREADY_DECIDED");
    funding.settle(o.listing());
    funding.settleDue();
    assertThat(funded.count(o.listing())).isEqualTo(1);
    assertThat(borrowerFunds(borrower.userId())).isEqualTo(60_000);
    assertThat(notifications.ofListing(o.listing())).hasSize(6);
  }

  @Test
  void theBorrowerDeclinesAndEveryFreezeIsVoided() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    Offered o = offered(borrower, 1).get(0);
    assertOfferedWithFreezesKept(o, borrower.userId());
    borrower = signInAgain(borrower);

    JsonNode declined = ok(answer(borrower, o.listing(), "decline", "no"));
    assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
    assertThat(declined.get("loanId").isNull()).isTrue();
    var row = store.listing(o.listing()).orElseThrow();
    assertThat(row.status()).isEqualTo(ListingStatus.FAILED);
    assertThat(row.loanId()).isNull();
    assertThat(funds(o.a().userId()).availableMinor()).isEqualTo(100_000);
    assertThat(funds(o.b().userId()).availableMinor()).isEqualTo(100_000);
    assertThat(ledger.balance(new AccountId(row.escrowAccountId())).totalMinor()).isZero();
    assertThat(escrowPending(row.escrowAccountId())).isZero();
    assertThat(store.investmentsOfListing(o.listing()))
        .hasSize(3)
        .allMatch(i -> "REFUNDED".equals(i.status()));
    assertThat(funded.count(o.listing())).isZero();
    assertThat(borrowerFunds(borrower.userId())).isZero();
    assertThat(notices(o.listing(), NotificationKind.OFFER_DECLINED))
        .extracting(NotificationRow::userId, NotificationRow::amountMinor)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(o.a().userId(), 40_000L),
            org.assertj.core.groups.Tuple.tuple(o.b().userId(), 20_000L),
            org.assertj.core.groups.Tuple.tuple(borrower.userId(), 60_000L));

    ok(answer(borrower, o.listing(), "decline", "no"));
    refused(answer(borrower, o.listing(), "accept", "no"), 409, "IDEMPOTENCY_KEY_REUSED");
    refused(answer(borrower, o.listing(), "accept", "yes"), 409, "OFFER_ALREADY_DECIDED");
    assertThat(funded.count(o.listing())).isZero();
    assertThat(funds(o.a().userId()).availableMinor()).isEqualTo(100_000);
  }

  @Test
  void noAnswerWithinTheWindowFailsTheListingAndALateAnswerIsRefused() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    Offered o = offered(borrower, 1).get(0);
    assertOfferedWithFreezesKept(o, borrower.userId());
    OfferRow offer = offers.offer(o.listing()).orElseThrow();
    assertThat(funding.expireOffer(o.listing(), offer.expiresAt().minusSeconds(1)))
        .as("not before the window's end")
        .isFalse();
    passDays(4);
    borrower = signInAgain(borrower);

    // The window has ended: refused whether or not the job has run yet; nothing disbursed.
    refused(answer(borrower, o.listing(), "accept", "late"), 409, "OFFER_EXPIRED");
    assertThat(funded.count(o.listing())).isZero();
    funding.settleDue();
    var row = store.listing(o.listing()).orElseThrow();
    assertThat(row.status()).isEqualTo(ListingStatus.FAILED);
    assertThat(offers.offer(o.listing()).orElseThrow().status()).isEqualTo("EXPIRED");
    assertThat(funds(o.a().userId()).availableMinor()).isEqualTo(100_000);
    assertThat(funds(o.b().userId()).availableMinor()).isEqualTo(100_000);
    assertThat(ledger.balance(new AccountId(row.escrowAccountId())).totalMinor()).isZero();
    assertThat(store.investmentsOfListing(o.listing()))
        .allMatch(i -> "REFUNDED".equals(i.status()));
    assertThat(notices(o.listing(), NotificationKind.OFFER_EXPIRED)).hasSize(3);
    refused(answer(borrower, o.listing(), "accept", "late-2"), 409, "OFFER_EXPIRED");
    refused(answer(borrower, o.listing(), "decline", "late-3"), 409, "OFFER_EXPIRED");
    assertThat(funding.expireOffer(o.listing(), Instant.now().plusSeconds(86_400 * 30L))).isFalse();
    assertThat(notices(o.listing(), NotificationKind.OFFER_EXPIRED)).hasSize(3);
    assertThat(funded.count(o.listing())).isZero();
  }

  @Test
  void anAnswerRacingTheExpirySettlesOneWayOnly() throws Exception {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    List<Offered> all = offered(borrower, 4);
    TestUser signedIn = signInAgain(borrower);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      int accepted = 0;
      int expired = 0;
      for (Offered o : all) {
        OfferRow offer = offers.offer(o.listing()).orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        List<Future<Boolean>> expiries = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          String key = "race-" + t;
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return answer(signedIn, o.listing(), "accept", key).statusCode();
                  }));
          expiries.add(
              pool.submit(
                  () -> {
                    start.await();
                    // The job of a node whose clock says the window has just ended.
                    return funding.expireOffer(o.listing(), offer.expiresAt());
                  }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Integer> f : answers) {
          int status = f.get(60, TimeUnit.SECONDS);
          assertThat(status).isIn(200, 409);
          ok += status == 200 ? 1 : 0;
        }
        int expiredBy = 0;
        for (Future<Boolean> f : expiries) {
          expiredBy += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(ok + expiredBy).as("exactly one outcome").isEqualTo(1);
        var row = store.listing(o.listing()).orElseThrow();
        String status = offers.offer(o.listing()).orElseThrow().status();
        if (ok == 1) {
          accepted++;
          assertThat(status).isEqualTo("ACCEPTED");
          assertThat(row.loanId()).isNotNull();
          assertThat(funded.count(o.listing())).isEqualTo(1);
          assertThat(funds(o.a().userId()).totalMinor()).isEqualTo(60_000);
          assertThat(notices(o.listing(), NotificationKind.OFFER_EXPIRED)).isEmpty();
        } else {
          expired++;
          assertThat(status).isEqualTo("EXPIRED");
          assertThat(row.status()).isEqualTo(ListingStatus.FAILED);
          assertThat(funded.count(o.listing())).isZero();
          assertThat(funds(o.a().userId()).availableMinor()).isEqualTo(100_000);
          assertThat(notices(o.listing(), NotificationKind.OFFER_ACCEPTED)).isEmpty();
        }
        assertThat(funds(o.a().userId()).frozenMinor()).isZero();
        assertThat(funds(o.b().userId()).frozenMinor()).isZero();
        assertThat(ledger.balance(new AccountId(row.escrowAccountId())).totalMinor()).isZero();
        assertThat(checker.check().balanced()).isTrue();
      }
      assertThat(accepted + expired).isEqualTo(all.size());
      assertThat(borrowerFunds(borrower.userId())).isEqualTo(accepted * 60_000L);
    } finally {
      pool.shutdownNow();
    }
  }
}
