package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.risk.Grade;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The invest path keeps what it knows about an investor in memory (the bearer token's owner, the
 * suitability of a grade, the funds account): a change made on this node is honoured at the next
 * bid, not after the facts' time to live.
 */
class InvestorFactsIT extends InvestmentFixture {

  @Test
  void aNewRiskAssessmentIsHonouredAtTheNextBid() {
    UUID listing = listing(Terms.of(10_000).grade(Grade.D));
    TestUser user = investor(1_000);
    HttpResponse<String> first = invest(user, listing, "100.00", "before");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

    HttpResponse<String> assessed =
        http.postJson(
            "/api/v1/me/risk-assessment",
            "{\"answers\":" + IdentityTestUsers.BALANCED + "}",
            user.token());
    assertThat(assessed.statusCode()).as(assessed.body()).isLessThan(300);

    HttpResponse<String> after = invest(user, listing, "100.00", "after");
    assertThat(after.statusCode()).as(after.body()).isEqualTo(422);
    assertThat(code(after)).isEqualTo("NOT_SUITABLE");
    assertThat(funds(user.userId()).frozenMinor()).isEqualTo(10_000);
    assertThat(store.listing(listing).orElseThrow().raisedMinor()).isEqualTo(10_000);
    // The first request repeated is still answered as it was, though it would be refused now.
    HttpResponse<String> replay = invest(user, listing, "100.00", "before");
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(201);
    assertThat(json(replay.body()).get("investmentId").asString())
        .isEqualTo(json(first.body()).get("investmentId").asString());
  }

  @Test
  void aRevokedTokenCannotInvestAnyMore() {
    UUID listing = listing(Terms.of(10_000));
    TestUser user = investor(1_000);
    assertThat(invest(user, listing, "100.00", "k1").statusCode()).isEqualTo(201);
    HttpResponse<String> revoked =
        http.send(
            http.request("/api/v1/auth/tokens/current")
                .header("Authorization", "Bearer " + user.token())
                .DELETE());
    assertThat(revoked.statusCode()).isEqualTo(204);
    HttpResponse<String> after = invest(user, listing, "100.00", "k2");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(store.listing(listing).orElseThrow().raisedMinor()).isEqualTo(10_000);
  }

  @Test
  void aRefusalForMissingFundsIsLiftedByADeposit() {
    UUID listing = listing(Terms.of(10_000));
    TestUser user = IdentityTestUsers.investor(http, IdentityTestUsers.AGGRESSIVE);
    HttpResponse<String> none = invest(user, listing, "100.00", "k1");
    assertThat(none.statusCode()).as(none.body()).isEqualTo(422);
    assertThat(code(none)).isEqualTo("INSUFFICIENT_FUNDS");
    deposit(user.userId(), 50);
    HttpResponse<String> short1 = invest(user, listing, "100.00", "k2");
    assertThat(code(short1)).isEqualTo("INSUFFICIENT_FUNDS");
    deposit(user.userId(), 100);
    HttpResponse<String> ok = invest(user, listing, "100.00", "k3");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(funds(user.userId()).frozenMinor()).isEqualTo(10_000);
    assertThat(funds(user.userId()).availableMinor()).isEqualTo(5_000);
  }
}
