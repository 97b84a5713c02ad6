package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.persistence.InvestmentRow;
import com.credence.risk.Grade;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Auto-invest: the rule and its authorisation through the API, the share cap, the reserve, the
 * suitability check, and the rotating fair order over several listings.
 */
class AutoInvestIT extends InvestmentFixture {

  private HttpResponse<String> put(TestUser user, String body) {
    return http.send(
        http.request("/api/v1/me/auto-invest")
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + user.token())
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** A rule for grade {@code grade} listings of 12 months at 9.5%, only those of term 13. */
  private static String rule(boolean enabled, String maxPer, String reserve, String limit) {
    return "{\"enabled\":"
        + enabled
        + ",\"minRate\":\"0.0900\",\"maxRate\":\"0.1000\",\"termMonthsMin\":12,\"termMonthsMax\":12,"
        + "\"grades\":[\"E\"],\"maxPerListing\":\""
        + maxPer
        + "\",\"reserveBalance\":\""
        + reserve
        + "\",\"authorisedLimit\":\""
        + limit
        + "\",\"authorisedUntil\":\"2099-12-31\"}";
  }

  private List<InvestmentRow> autoBids(UUID listing) {
    return store.investmentsOfListing(listing).stream()
        .filter(i -> "AUTO".equals(i.source()))
        .toList();
  }

  @Test
  void readsSavesValidatesAndRevokesTheRule() {
    TestUser user = investor(0);
    JsonNode initial = json(http.getWithToken("/api/v1/me/auto-invest", user.token()).body());
    assertThat(initial.get("enabled").asBoolean()).isFalse();
    HttpResponse<String> saved = put(user, rule(true, "100.00", "0.00", "1000.00"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json(saved.body()).get("grades").get(0).asString()).isEqualTo("E");
    assertThat(put(user, rule(true, "0.00", "0.00", "1000.00")).statusCode()).isEqualTo(400);
    assertThat(
            put(user, rule(true, "100.00", "0.00", "1000.00").replace("\"E\"", "\"Q\""))
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> revoked = put(user, rule(false, "100.00", "0.00", "1000.00"));
    assertThat(json(revoked.body()).get("enabled").asBoolean()).isFalse();
  }

  /**
   * Grade E listings (only these tests use E) of 1,000 CNY: the cap is 70% = 700 CNY, and each of
   * the five investors takes at most 300. The first listing serves the first three in the queue;
   * the next listing starts with the two not served, then the longest waiting.
   */
  @Test
  void takesAtMostTheShareInAFairRotatingOrderRespectingReserveAndSuitability() {
    List<TestUser> queue =
        List.of(
            investor(1_000), investor(1_000), investor(1_000), investor(1_000), investor(1_000));
    for (TestUser u : queue) {
      assertThat(put(u, rule(true, "300.00", "0.00", "5000.00")).statusCode()).isEqualTo(200);
    }
    // Keeps 900 of 1,000: at most 100 is spendable.
    TestUser reserved = investor(1_000);
    put(reserved, rule(true, "300.00", "900.00", "5000.00"));
    TestUser balanced = investor(1_000, com.credence.identity.IdentityTestUsers.BALANCED);
    put(balanced, rule(true, "300.00", "0.00", "5000.00"));

    UUID first = listing(Terms.of(1_000).grade(Grade.E));
    List<InvestmentRow> firstBids = autoBids(first);
    assertThat(firstBids.stream().mapToLong(InvestmentRow::amountMinor).sum())
        .as("70%% of the listing at most")
        .isLessThanOrEqualTo(70_000)
        .isPositive();
    assertThat(firstBids).allMatch(i -> i.amountMinor() <= 30_000);
    assertThat(firstBids).noneMatch(i -> i.investorId().equals(balanced.userId()));
    assertThat(funds(reserved.userId()).availableMinor()).isGreaterThanOrEqualTo(90_000);

    UUID second = listing(Terms.of(1_000).grade(Grade.E));
    List<UUID> firstServed = firstBids.stream().map(InvestmentRow::investorId).toList();
    List<UUID> secondServed = autoBids(second).stream().map(InvestmentRow::investorId).toList();
    List<UUID> notServedFirst =
        queue.stream().map(TestUser::userId).filter(id -> !firstServed.contains(id)).toList();
    assertThat(secondServed)
        .as("those left out of the first listing come first on the next")
        .containsAll(notServedFirst);
    // The authorisation counts what was used.
    JsonNode rule = json(http.getWithToken("/api/v1/me/auto-invest", queue.get(0).token()).body());
    long invested =
        store.investmentsOfListing(first).stream()
                .filter(i -> i.investorId().equals(queue.get(0).userId()))
                .mapToLong(InvestmentRow::amountMinor)
                .sum()
            + store.investmentsOfListing(second).stream()
                .filter(i -> i.investorId().equals(queue.get(0).userId()))
                .mapToLong(InvestmentRow::amountMinor)
                .sum();
    assertThat(com.credence.shared.Money.parseCny(rule.get("used").asString()).amountMinor())
        .isEqualTo(invested);
    // Revoked: the next listing takes nothing from this investor.
    queue.forEach(u -> put(u, rule(false, "300.00", "0.00", "5000.00")));
    put(reserved, rule(false, "300.00", "900.00", "5000.00"));
    put(balanced, rule(false, "300.00", "0.00", "5000.00"));
    UUID third = listing(Terms.of(1_000).grade(Grade.E));
    assertThat(autoBids(third)).isEmpty();
    funding.settle(first);
  }
}
