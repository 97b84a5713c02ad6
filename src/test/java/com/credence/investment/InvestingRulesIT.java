package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.ledger.Balance;
import com.credence.risk.Grade;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Each rule of the invest path, in its order, and that every refusal moves nothing. */
class InvestingRulesIT extends InvestmentFixture {

  @Autowired DataSource dataSource;
  @Autowired InvestmentProperties properties;

  private void refusedAndNothingMoved(
      TestUser user, UUID listingId, HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(code(r)).isEqualTo(code);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    assertThat(store.listing(listingId).orElseThrow().raisedMinor()).isZero();
    assertThat(
            json(http.getWithToken("/api/v1/me/investments", user.token()).body())
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void freezesTheAmountAndAnswersFrozen() {
    UUID listing = listing(Terms.of(10_000));
    TestUser user = investor(1_000);
    HttpResponse<String> r = invest(user, listing, "300.00", "k1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = json(r.body());
    assertThat(body.get("status").asString()).isEqualTo("FROZEN");
    assertThat(body.get("amount").asString()).isEqualTo("300.00");
    Balance b = funds(user.userId());
    assertThat(b.availableMinor()).isEqualTo(70_000);
    assertThat(b.frozenMinor()).isEqualTo(30_000);
    JsonNode detail = json(http.get("/api/v1/listings/" + listing).body());
    assertThat(detail.get("raised").asString()).isEqualTo("300.00");
    assertThat(detail.get("remaining").asString()).isEqualTo("9700.00");
    assertThat(detail.get("disclosure").get("risks").asString()).isNotBlank();
    JsonNode mine =
        json(http.getWithToken("/api/v1/me/investments?status=FROZEN", user.token()).body());
    assertThat(mine.get("total").asLong()).isEqualTo(1);
    assertThat(mine.get("items").get(0).get("investmentId").asString())
        .isEqualTo(body.get("investmentId").asString());
    assertThat(mine.get("items").get(0).get("listingTitle").asString())
        .isEqualTo(detail.get("title").asString());
    assertThat(mine.get("items").get(0).get("listingStatus").asString()).isEqualTo("OPEN");
  }

  @Test
  void theSameKeyAndBodyAnswersTheFirstInvestmentAndMovesNothingTwice() {
    UUID listing = listing(Terms.of(10_000));
    TestUser user = investor(1_000);
    HttpResponse<String> first = invest(user, listing, "100.00", "same");
    HttpResponse<String> again = invest(user, listing, "100.00", "same");
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(json(again.body()).get("investmentId").asString())
        .isEqualTo(json(first.body()).get("investmentId").asString());
    assertThat(funds(user.userId()).frozenMinor()).isEqualTo(10_000);
    HttpResponse<String> other = invest(user, listing, "150.00", "same");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
    assertThat(code(other)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(funds(user.userId()).frozenMinor()).isEqualTo(10_000);
    assertThat(store.listing(listing).orElseThrow().raisedMinor()).isEqualTo(10_000);
  }

  @Test
  void refusesWithoutAnIdempotencyKey() {
    UUID listing = listing(Terms.of(10_000));
    TestUser user = investor(1_000);
    HttpResponse<String> r = invest(user, listing, "100.00", null);
    refusedAndNothingMoved(user, listing, r, 400, "IDEMPOTENCY_KEY_REQUIRED");
  }

  @Test
  void refusesAnUnverifiedUser() {
    UUID listing = listing(Terms.of(10_000));
    TestUser user = IdentityTestUsers.registered(http, "INVESTOR");
    deposit(user.userId(), 1_000);
    HttpResponse<String> r = invest(user, listing, "100.00", "k");
    refusedAndNothingMoved(user, listing, r, 403, "KYC_REQUIRED");
    assertThat(funds(user.userId()).availableMinor()).isEqualTo(100_000);
  }

  @Test
  void refusesAGradeAboveTheInvestorsRiskLevel() {
    UUID listing = listing(Terms.of(10_000).grade(Grade.D));
    TestUser user = investor(1_000, IdentityTestUsers.BALANCED);
    HttpResponse<String> r = invest(user, listing, "100.00", "k");
    refusedAndNothingMoved(user, listing, r, 422, "NOT_SUITABLE");
    assertThat(funds(user.userId()).availableMinor()).isEqualTo(100_000);
  }

  @Test
  void refusesBelowTheMinimumThenOffTheStep() {
    UUID listing = listing(Terms.of(10_000).minimum(100, 50));
    TestUser user = investor(1_000);
    refusedAndNothingMoved(
        user, listing, invest(user, listing, "50.00", "a"), 422, "BELOW_MINIMUM");
    refusedAndNothingMoved(
        user, listing, invest(user, listing, "120.00", "b"), 422, "NOT_STEP_MULTIPLE");
    refusedAndNothingMoved(user, listing, invest(user, listing, "abc", "c"), 400, "INVALID_AMOUNT");
    refusedAndNothingMoved(
        user, listing, invest(user, listing, "0.00", "d"), 400, "INVALID_AMOUNT");
    assertThat(funds(user.userId()).availableMinor()).isEqualTo(100_000);
  }

  @Test
  void refusesAListingNotYetOpen() {
    UUID listing = listing(Terms.of(10_000).opens(clock.instant().plus(Duration.ofDays(2)), 7));
    TestUser user = investor(1_000);
    HttpResponse<String> r = invest(user, listing, "100.00", "k");
    refusedAndNothingMoved(user, listing, r, 409, "LISTING_NOT_OPEN");
  }

  @Test
  void refusesMoreThanRemainsOrTakesWhatRemainsWhenAsked() {
    UUID listing = listing(Terms.of(1_000));
    TestUser user = investor(5_000);
    HttpResponse<String> over = invest(user, listing, "1500.00", "k1");
    refusedAndNothingMoved(user, listing, over, 422, "AMOUNT_EXCEEDS_REMAINING");
    HttpResponse<String> taken =
        invest(user.token(), listing, "{\"amount\":\"1500.00\",\"takeRemaining\":true}", "k2");
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
    assertThat(json(taken.body()).get("amount").asString()).isEqualTo("1000.00");
    // The bid filled the listing, so it may already be disbursed: frozen, then posted.
    awaitLoan(listing);
    assertThat(funds(user.userId()).frozenMinor()).isZero();
    assertThat(funds(user.userId()).totalMinor()).isEqualTo(500_000 - 100_000);
  }

  @Test
  void refusesMoreThanTheAvailableBalance() {
    UUID listing = listing(Terms.of(10_000));
    TestUser user = investor(100);
    HttpResponse<String> r = invest(user, listing, "150.00", "k");
    refusedAndNothingMoved(user, listing, r, 422, "INSUFFICIENT_FUNDS");
    assertThat(funds(user.userId()).availableMinor()).isEqualTo(10_000);
    TestUser noAccount = IdentityTestUsers.investor(http, IdentityTestUsers.AGGRESSIVE);
    refusedAndNothingMoved(
        noAccount, listing, invest(noAccount, listing, "100.00", "k"), 422, "INSUFFICIENT_FUNDS");
  }

  /**
   * A batch that cannot commit within {@code bid-timeout} (here: another transaction holds the
   * listing's row) is answered 503 {@code SERVICE_BUSY}; it commits later, and the same key then
   * answers the one investment it made.
   */
  /**
   * Money frozen in a listing that waits for its borrower's yes to a partial loan is still the
   * investor's exposure: a bid elsewhere that would take it past the holding limit is refused.
   */
  @Test
  void moneyFrozenInAnOfferedListingCountsTowardsTheHoldingLimit() {
    // BALANCED may hold 300,000 CNY.
    TestUser user = investor(301_000, IdentityTestUsers.BALANCED);
    offeredPartialLoan(IdentityTestUsers.registered(http, "BORROWER"), user, "500.00");
    user = signInAgain(user);
    UUID listing = listing(Terms.of(300_000));

    HttpResponse<String> over = invest(user, listing, "299550.00", "over");
    assertThat(over.statusCode()).as(over.body()).isEqualTo(422);
    assertThat(code(over)).isEqualTo("NOT_SUITABLE");
    assertThat(funds(user.userId()).frozenMinor()).isEqualTo(50_000);

    HttpResponse<String> within = invest(user, listing, "299500.00", "within");
    assertThat(within.statusCode()).as(within.body()).isEqualTo(201);
    assertThat(funds(user.userId()).frozenMinor()).isEqualTo(30_000_000);
  }

  @Test
  void aBidItsBatchCannotCommitInTimeIsBusyAndTheSameKeyLearnsTheOutcome() throws Exception {
    UUID listing = listing(Terms.of(10_000));
    TestUser user = investor(1_000);
    HttpResponse<String> busy;
    try (Connection blocker = dataSource.getConnection()) {
      blocker.setAutoCommit(false);
      try (PreparedStatement lock =
          blocker.prepareStatement("SELECT 1 FROM investment.listings WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, listing);
        lock.executeQuery().close();
      }
      long started = System.nanoTime();
      busy = invest(user, listing, "100.00", "held");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("answered after the bid timeout, not at once")
          .isGreaterThanOrEqualTo(properties.bidTimeout().minusMillis(100));
      assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
      assertThat(code(busy)).isEqualTo("SERVICE_BUSY");
      assertThat(busy.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
      assertThat(store.listing(listing).orElseThrow().raisedMinor())
          .as("nothing committed while the row is held")
          .isZero();
      blocker.rollback();
    }
    HttpResponse<String> again = invest(user, listing, "100.00", "held");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (again.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      again = invest(user, listing, "100.00", "held");
    }
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(json(again.body()).get("amount").asString()).isEqualTo("100.00");
    assertThat(funds(user.userId()).frozenMinor()).as("frozen once").isEqualTo(10_000);
    assertThat(store.listing(listing).orElseThrow().raisedMinor()).isEqualTo(10_000);
    assertThat(
            json(http.getWithToken("/api/v1/me/investments", user.token()).body())
                .get("total")
                .asLong())
        .as("one investment for the key")
        .isEqualTo(1);
  }

  @Test
  void anUnknownListingIsNotFoundAndSignedOutIsUnauthenticated() {
    TestUser user = investor(100);
    HttpResponse<String> r = invest(user, UUID.randomUUID(), "100.00", "k");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(http.get("/api/v1/listings/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    HttpResponse<String> anonymous =
        http.postJson(
            "/api/v1/listings/" + UUID.randomUUID() + "/investments",
            "{\"amount\":\"100.00\"}",
            null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void browsesWithFiltersSortAndPaging() {
    UUID d = listing(Terms.of(20_000).grade(Grade.D));
    JsonNode page =
        json(
            http.get(
                    "/api/v1/listings?status=OPEN&grade=D&termMonths=12&minRate=0.0900&product=CAR&sort=RATE_DESC&size=100")
                .body());
    assertThat(page.get("size").asInt()).isEqualTo(100);
    assertThat(page.get("total").asLong()).isPositive();
    boolean found = false;
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("grade").asString()).isEqualTo("D");
      assertThat(item.get("status").asString()).isEqualTo("OPEN");
      found |= item.get("listingId").asString().equals(d.toString());
    }
    assertThat(found).isTrue();
    assertThat(json(http.get("/api/v1/listings?minRate=0.2000").body()).get("total").asLong())
        .isZero();
    assertThat(http.get("/api/v1/listings?sort=WHATEVER").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/v1/listings?grade=Z").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/v1/listings?minRate=abc").statusCode()).isEqualTo(400);
  }
}
