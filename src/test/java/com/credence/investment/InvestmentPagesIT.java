package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.support.PageSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The listings, listing, portfolio and auto-invest pages over HTTP, with their forms. */
class InvestmentPagesIT extends InvestmentFixture {

  private static final Pattern FORM_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

  private PageSession signIn(TestUser user) {
    PageSession page = new PageSession(http);
    page.get("/login");
    HttpResponse<String> in =
        page.post("/login", Map.of("phone", user.phone(), "password", user.password()));
    assertThat(in.statusCode()).isEqualTo(302);
    return page;
  }

  private static String formKey(String html) {
    Matcher m = FORM_KEY.matcher(html);
    assertThat(m.find()).as("invest form").isTrue();
    return m.group(1);
  }

  @Test
  void listingsAndAListingArePublicWithDisclosureAndALiveProgressBar() {
    UUID listing = listing(Terms.of(5_000));
    String title = store.listing(listing).orElseThrow().title();
    HttpResponse<String> list = http.get("/listings?sort=CLOSING&status=ALL");
    assertThat(list.statusCode()).isEqualTo(200);
    HttpResponse<String> filtered = http.get("/listings?grade=B&termMonths=12&product=CAR");
    assertThat(filtered.body()).contains("出借项目").contains("hx-trigger=\"every 5s\"");
    HttpResponse<String> detail = http.get("/listings/" + listing);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body())
        .contains(title)
        .contains("借款人可能逾期或违约")
        .contains("VIN ****1234")
        .contains("登录后出借")
        .doesNotContain("invest-amount");
    HttpResponse<String> progress = http.get("/listings/" + listing + "/progress");
    assertThat(progress.body()).contains("progress-raised").doesNotContain("<html");
    assertThat(http.get("/listings?minRate=abc").body()).contains("listings-error");
    assertThat(http.get("/listings/" + listing + "?lang=en").body()).contains("What can go wrong");
  }

  @Test
  void aVisitorsKeptPageIsNeverAnInvestorsAndFollowsTheListing() {
    UUID listing = listing(Terms.of(5_000));
    TestUser user = investor(1_000);
    PageSession page = signIn(user);
    for (int round = 0; round < 2; round++) {
      String visitor = http.get("/listings/" + listing).body();
      assertThat(visitor).contains("登录后出借").doesNotContain("invest-amount").contains("¥0.00");
      String investor = page.get("/listings/" + listing).body();
      assertThat(investor).contains("invest-amount").doesNotContain("登录后出借");
      assertThat(formKey(investor))
          .as("a fresh key per rendering")
          .isNotEqualTo(formKey(page.get("/listings/" + listing).body()));
    }
    assertThat(http.get("/listings/" + listing + "?lang=en").body())
        .contains("What can go wrong")
        .contains("Sign in to invest")
        .doesNotContain("可能产生的风险");
    assertThat(http.get("/listings/" + listing).body())
        .as("each language kept on its own")
        .contains("可能产生的风险")
        .doesNotContain("What can go wrong");

    HttpResponse<String> ok =
        page.post(
            "/listings/" + listing + "/invest",
            Map.of("amount", "200", "key", formKey(page.get("/listings/" + listing).body())));
    assertThat(PageSession.location(ok)).endsWith("/listings/" + listing);
    assertThat(http.get("/listings/" + listing).body())
        .as("the visitor's page follows the investment")
        .contains("¥200.00");
  }

  @Test
  void anInvestorInvestsFromTheListingPageAndSeesItInThePortfolio() {
    UUID listing = listing(Terms.of(5_000));
    TestUser user = investor(1_000);
    PageSession page = signIn(user);
    String html = page.get("/listings/" + listing).body();
    String key = formKey(html);

    HttpResponse<String> bad =
        page.post("/listings/" + listing + "/invest", Map.of("amount", "120", "key", key));
    assertThat(PageSession.location(bad)).endsWith("/listings/" + listing);
    assertThat(page.get("/listings/" + listing).body()).contains("递增金额的整数倍");
    assertThat(funds(user.userId()).frozenMinor()).isZero();

    HttpResponse<String> ok =
        page.post(
            "/listings/" + listing + "/invest",
            Map.of("amount", "200", "key", formKey(page.get("/listings/" + listing).body())));
    assertThat(PageSession.location(ok)).endsWith("/listings/" + listing);
    assertThat(page.get("/listings/" + listing).body()).contains("出借成功");
    assertThat(funds(user.userId()).frozenMinor()).isEqualTo(20_000);

    String portfolio = page.get("/me/portfolio").body();
    assertThat(portfolio).contains("¥200.00").contains("冻结中").contains("chart-grades");
  }

  @Test
  void theAutoInvestPageSavesRevokesAndExplainsBadInput() {
    TestUser user = investor(0);
    PageSession page = signIn(user);
    assertThat(page.get("/me/auto-invest").body()).contains("授权自动投标");
    Map<String, String> form =
        Map.ofEntries(
            Map.entry("enabled", "true"),
            Map.entry("minRatePercent", "8"),
            Map.entry("maxRatePercent", "12"),
            Map.entry("termMonthsMin", "99"),
            Map.entry("termMonthsMax", "99"),
            Map.entry("grades", "A"),
            Map.entry("maxPerListing", "100"),
            Map.entry("reserveBalance", "0"),
            Map.entry("authorisedLimit", "1000"),
            Map.entry("authorisedUntil", "2099-12-31"));
    page.post("/me/auto-invest", form);
    assertThat(page.get("/me/auto-invest").body()).contains("自动投标规则已保存");
    Map<String, String> bad = new java.util.HashMap<>(form);
    bad.put("maxRatePercent", "5");
    page.post("/me/auto-invest", bad);
    assertThat(page.get("/me/auto-invest").body()).contains("auto-error");
    Map<String, String> off = new java.util.HashMap<>(form);
    off.remove("enabled");
    page.post("/me/auto-invest", off);
    assertThat(page.get("/me/auto-invest").body()).contains("授权已撤销");
  }
}
