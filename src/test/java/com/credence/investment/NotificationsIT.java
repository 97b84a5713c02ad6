package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.persistence.NotificationRow;
import com.credence.investment.persistence.NotificationStore;
import com.credence.support.PageSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Notifications: written with the event they report (one per investor with their sum, one for the
 * borrower, never twice), read through the API and the page by their owner only, marked read.
 */
class NotificationsIT extends InvestmentFixture {

  private static final Pattern FORM_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

  @Autowired NotificationStore notifications;

  private HttpResponse<String> markRead(TestUser user, String id) {
    return http.send(
        http.request("/api/v1/me/notifications/" + id + "/read")
            .header("Authorization", "Bearer " + user.token())
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private JsonNode inbox(TestUser user, String query) {
    HttpResponse<String> r = http.getWithToken("/api/v1/me/notifications" + query, user.token());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  @Test
  void aFailedListingNotifiesEachInvestorOfTheRefundOnceAndTheBorrower() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    UUID listing = listing(Terms.of(10_000).opens(clock.instant(), 1), borrower.userId());
    TestUser a = investor(1_000);
    TestUser b = investor(1_000);
    assertThat(invest(a, listing, "300.00", "a1").statusCode()).isEqualTo(201);
    assertThat(invest(b, listing, "400.00", "b1").statusCode()).isEqualTo(201);
    assertThat(invest(a, listing, "100.00", "a2").statusCode()).isEqualTo(201);
    assertThat(notifications.ofListing(listing)).as("nothing before the event").isEmpty();
    passDays(2);
    funding.settle(listing);
    funding.settle(listing);
    funding.settleDue();

    assertThat(store.listing(listing).orElseThrow().status()).isEqualTo(ListingStatus.FAILED);
    List<NotificationRow> rows = notifications.ofListing(listing);
    assertThat(rows)
        .extracting(
            NotificationRow::userId,
            NotificationRow::kind,
            NotificationRow::audience,
            NotificationRow::amountMinor)
        .containsExactlyInAnyOrder(
            tuple(a.userId(), "LISTING_FAILED", "INVESTOR", 40_000L),
            tuple(b.userId(), "LISTING_FAILED", "INVESTOR", 40_000L),
            tuple(borrower.userId(), "LISTING_FAILED", "BORROWER", 80_000L));
    String title = store.listing(listing).orElseThrow().title();

    TestUser reader = signInAgain(a);
    JsonNode page = inbox(reader, "");
    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("unread").asLong()).isEqualTo(1);
    JsonNode item = page.get("items").get(0);
    assertThat(item.get("kind").asString()).isEqualTo("LISTING_FAILED");
    assertThat(item.get("listingId").asString()).isEqualTo(listing.toString());
    assertThat(item.get("amount").asString()).isEqualTo("400.00");
    assertThat(item.get("read").asBoolean()).isFalse();
    assertThat(item.get("text").asString()).contains(title).contains("¥400.00").contains("流标");
    JsonNode english =
        json(
            http.send(
                    http.request("/api/v1/me/notifications")
                        .header("Authorization", "Bearer " + reader.token())
                        .header("Accept-Language", "en"))
                .body());
    assertThat(english.get("items").get(0).get("text").asString())
        .contains("failed")
        .contains("¥400.00");
    String id = item.get("notificationId").asString();

    // Only the owner: another user's notification is NOT_FOUND and stays unread.
    TestUser other = signInAgain(b);
    HttpResponse<String> foreign = markRead(other, id);
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
    assertThat(code(foreign)).isEqualTo("NOT_FOUND");
    assertThat(markRead(other, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
    assertThat(inbox(other, "").get("items").get(0).get("amount").asString()).isEqualTo("400.00");
    assertThat(inbox(reader, "").get("unread").asLong()).isEqualTo(1);
    assertThat(http.get("/api/v1/me/notifications").statusCode()).isEqualTo(401);

    assertThat(markRead(reader, id).statusCode()).isEqualTo(204);
    assertThat(markRead(reader, id).statusCode()).as("again: no change").isEqualTo(204);
    JsonNode after = inbox(reader, "");
    assertThat(after.get("unread").asLong()).isZero();
    assertThat(after.get("items").get(0).get("read").asBoolean()).isTrue();
    HttpResponse<String> badSize =
        http.getWithToken("/api/v1/me/notifications?size=1000", reader.token());
    assertThat(badSize.statusCode()).isEqualTo(400);
  }

  @Test
  void aFundedListingNotifiesItsInvestorsAndBorrowerNewestFirst() {
    TestUser a = investor(2_000);
    UUID first = listing(Terms.of(500));
    assertThat(invest(a, first, "500.00", "f1").statusCode()).isEqualTo(201);
    awaitLoan(first);
    UUID second = listing(Terms.of(300));
    assertThat(invest(a, second, "300.00", "f2").statusCode()).isEqualTo(201);
    awaitLoan(second);

    assertThat(notifications.ofListing(first))
        .extracting(NotificationRow::kind, NotificationRow::audience, NotificationRow::amountMinor)
        .containsExactlyInAnyOrder(
            tuple("LISTING_FUNDED", "INVESTOR", 50_000L),
            tuple("LISTING_FUNDED", "BORROWER", 50_000L));
    funding.settle(first);
    assertThat(notifications.ofListing(first)).as("never twice").hasSize(2);

    JsonNode page = inbox(a, "?page=0&size=1");
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.get("unread").asLong()).isEqualTo(2);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("listingId").asString())
        .as("newest first")
        .isEqualTo(second.toString());
    assertThat(inbox(a, "?page=1&size=1").get("items").get(0).get("listingId").asString())
        .isEqualTo(first.toString());
  }

  @Test
  void thePageListsMyNotificationsMarksThemReadAndTheBadgeCounts() {
    TestUser a = investor(1_000);
    UUID listing = listing(Terms.of(500));
    assertThat(invest(a, listing, "500.00", "p1").statusCode()).isEqualTo(201);
    awaitLoan(listing);
    String title = store.listing(listing).orElseThrow().title();

    PageSession page = signIn(a);
    assertThat(page.get("/me/portfolio").body())
        .contains("id=\"nav-notifications\"")
        .contains("/me/notifications/badge");
    assertThat(page.get("/me/notifications/badge").body()).contains(">1<").doesNotContain("<html");
    String html = page.get("/me/notifications").body();
    assertThat(html).contains("我的消息").contains(title).contains("¥500.00").contains("1 条未读");
    assertThat(page.get("/me/notifications?lang=en").body())
        .contains("My notifications")
        .contains("now earns interest");
    page.get("/me/notifications?lang=zh-CN");
    assertThat(page.get("/me/notifications?page=x").statusCode()).isEqualTo(200);

    TestUser stranger = investor(0);
    PageSession other = signIn(stranger);
    String id =
        notifications.ofListing(listing).stream()
            .filter(n -> n.userId().equals(a.userId()))
            .findFirst()
            .orElseThrow()
            .id()
            .toString();
    other.post("/me/notifications/" + id + "/read", Map.of());
    other.post("/me/notifications/not-an-id/read", Map.of());
    assertThat(other.get("/me/notifications").body()).doesNotContain(title).contains("暂无消息");
    assertThat(notifications.unread(a.userId())).as("a stranger marks nothing").isEqualTo(1);

    HttpResponse<String> read = page.post("/me/notifications/" + id + "/read", Map.of());
    assertThat(PageSession.location(read)).endsWith("/me/notifications");
    assertThat(notifications.unread(a.userId())).isZero();
    assertThat(page.get("/me/notifications/badge").body()).doesNotContain("badge");
    assertThat(page.get("/me/notifications").body()).contains("0 条未读");
    page.post("/me/notifications/read-all", Map.of());
    assertThat(notifications.unread(a.userId())).isZero();
  }

  @Test
  void theBorrowerAnswersTheOfferOnItsPageLinkedFromTheApplication() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    TestUser a = investor(1_000);
    UUID listing = offeredPartialLoan(borrower, a, "800.00");

    PageSession stranger = signIn(investor(0));
    assertThat(stranger.get("/me/offers/" + listing).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/me/offers/" + listing + "/link").body())
        .doesNotContain("application-offer");

    PageSession page = signIn(borrower);
    assertThat(page.get("/me/offers/" + listing + "/link").body())
        .contains("application-offer")
        .contains("/me/offers/" + listing);
    String html = page.get("/me/offers/" + listing).body();
    assertThat(html).contains("部分借款确认").contains("¥800.00").contains("offer-accept");
    assertThat(page.get("/me/offers/" + listing + "?lang=en").body())
        .contains("Partial loan offer")
        .contains("Accept, borrow ¥800.00");
    page.get("/me/offers/" + listing + "?lang=zh-CN");
    String key = key(html);
    // A stranger's answer changes nothing.
    assertThat(stranger.post("/me/offers/" + listing + "/accept", Map.of("key", "s")).statusCode())
        .isEqualTo(404);
    assertThat(store.listing(listing).orElseThrow().status()).isEqualTo(ListingStatus.OFFERED);
    // No key: a readable message, nothing moved.
    page.post("/me/offers/" + listing + "/accept", Map.of("key", ""));
    assertThat(page.get("/me/offers/" + listing).body()).contains("offer-error");
    assertThat(store.listing(listing).orElseThrow().status()).isEqualTo(ListingStatus.OFFERED);

    HttpResponse<String> accepted =
        page.post("/me/offers/" + listing + "/accept", Map.of("key", key));
    assertThat(PageSession.location(accepted)).endsWith("/me/offers/" + listing);
    String done = page.get("/me/offers/" + listing).body();
    assertThat(done).contains("已接受").doesNotContain("offer-accept");
    awaitLoan(listing);
    assertThat(funded.count(listing)).isEqualTo(1);
    page.post("/me/offers/" + listing + "/decline", Map.of("key", "other"));
    assertThat(page.get("/me/offers/" + listing).body()).contains("已答复");
    assertThat(store.listing(listing).orElseThrow().loanId()).isNotNull();
    assertThat(page.get("/me/notifications").body()).contains("部分借款");
  }

  private static String key(String html) {
    Matcher m = FORM_KEY.matcher(html);
    assertThat(m.find()).as("offer form").isTrue();
    return m.group(1);
  }
}
