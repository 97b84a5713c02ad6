package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.support.PageSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The listings, listing, portfolio and auto-invest pages over HTTP, with their forms. */
class InvestmentPagesIT extends InvestmentFixture {

  /** The portfolio lists twenty investments a page. */
  private static final int INVESTMENTS_PER_PAGE = 20;

  private static final Pattern FORM_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

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
  void myInvestmentsAreListedWithTheirListingFilteredByStatusAndPaged() {
    UUID listing = listing(Terms.of(10_000));
    String title = store.listing(listing).orElseThrow().title();
    TestUser user = investor(2_000);
    int bids = INVESTMENTS_PER_PAGE + 1;
    for (int i = 0; i < bids; i++) {
      assertThat(invest(user, listing, "50.00", "page-" + i).statusCode()).isEqualTo(201);
    }
    PageSession page = signIn(user);

    String first = page.get("/me/portfolio").body();
    assertThat(statusCells(first)).hasSize(INVESTMENTS_PER_PAGE);
    assertThat(first)
        .contains(title)
        .contains("第 1 页，共 2 页")
        .contains("portfolio-investments-next");
    String second = page.get("/me/portfolio?page=1").body();
    assertThat(statusCells(second)).containsExactly("冻结中");
    assertThat(second).contains("第 2 页，共 2 页").doesNotContain("portfolio-investments-next");

    String beyond = page.get("/me/portfolio?page=7").body();
    assertThat(statusCells(beyond)).as("beyond the end: the last page").hasSize(1);
    assertThat(beyond).contains("第 2 页，共 2 页");

    String frozen = page.get("/me/portfolio?status=frozen").body();
    assertThat(statusCells(frozen)).hasSize(INVESTMENTS_PER_PAGE);
    String active = page.get("/me/portfolio?status=ACTIVE").body();
    assertThat(statusCells(active)).isEmpty();
    assertThat(active).contains("暂无出借记录");

    String bogus = page.get("/me/portfolio?status=LOST").body();
    assertThat(bogus).contains("portfolio-error").contains("没有这种出借状态");
    assertThat(statusCells(bogus)).hasSize(INVESTMENTS_PER_PAGE);
    String badPage = page.get("/me/portfolio?page=two&lang=en").body();
    assertThat(badPage).contains("The page must be a whole number").contains("Page 1 of 2");
    assertThat(page.get("/me/portfolio?holdingsPage=-&lang=en").body())
        .contains("The page must be a whole number");
  }

  @Test
  void aHoldingShowsItsPartOfEveryInstallmentToItsInvestorAlone() {
    UUID listing = listing(Terms.of(1_000));
    TestUser a = investor(1_000);
    TestUser b = investor(1_000);
    assertThat(invest(a, listing, "600.00", "h-a").statusCode()).isEqualTo(201);
    assertThat(invest(b, listing, "400.00", "h-b").statusCode()).isEqualTo(201);
    awaitLoan(listing);
    JsonNode detail = json(http.get("/api/v1/listings/" + listing).body());
    int term = detail.get("termMonths").asInt();
    String holding =
        json(http.getWithToken("/api/v1/me/holdings", a.token()).body())
            .get("items")
            .get(0)
            .get("holdingId")
            .asString();
    String path = "/api/v1/me/holdings/" + holding + "/cash-flows";
    // The repayment module books the loan from the funding's event, after it commits.
    HttpResponse<String> answer = http.getWithToken(path, a.token());
    for (int i = 0; i < 200 && answer.statusCode() == 404; i++) {
      sleep(50);
      answer = http.getWithToken(path, a.token());
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode flows = json(answer.body());
    assertThat(flows.get("principal").asString()).isEqualTo("600.00");
    JsonNode items = flows.get("items");
    assertThat(items.size()).isEqualTo(term);
    java.math.BigDecimal principal = java.math.BigDecimal.ZERO;
    java.math.BigDecimal all = java.math.BigDecimal.ZERO;
    for (int i = 0; i < items.size(); i++) {
      JsonNode part = items.get(i);
      assertThat(part.get("installment").asInt()).isEqualTo(i + 1);
      assertThat(part.get("status").asString()).isEqualTo("EXPECTED");
      assertThat(part.get("holdingId").asString()).isEqualTo(holding);
      principal = principal.add(new java.math.BigDecimal(part.get("principal").asString()));
      all =
          all.add(new java.math.BigDecimal(part.get("principal").asString()))
              .add(new java.math.BigDecimal(part.get("interest").asString()))
              .add(new java.math.BigDecimal(part.get("penalty").asString()));
    }
    assertThat(principal).as("the parts' principal is the holding's").isEqualByComparingTo("600");
    assertThat(new java.math.BigDecimal(flows.get("expected").asString()))
        .isEqualByComparingTo(all);
    assertThat(flows.get("received").asString()).isEqualTo("0.00");
    assertThat(all).as("interest on top").isGreaterThan(principal);

    HttpResponse<String> notMine = http.getWithToken(path, b.token());
    assertThat(notMine.statusCode()).isEqualTo(404);
    assertThat(json(notMine.body()).get("code").asString()).isEqualTo("NOT_FOUND");
    assertThat(http.getWithToken("/api/v1/me/holdings/nope/cash-flows", a.token()).statusCode())
        .isEqualTo(400);

    PageSession page = signIn(a);
    assertThat(page.get("/me/portfolio").body()).contains("/me/holdings/" + holding);
    assertThat(page.get("/me/portfolio?holdingsPage=1").body())
        .as("one holding: a page beyond the end shows the last one")
        .contains("/me/holdings/" + holding)
        .doesNotContain("暂无持有的债权");
    HttpResponse<String> shown = page.get("/me/holdings/" + holding);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body())
        .contains(detail.get("title").asString())
        .contains("¥600.00")
        .contains("每期回款");
    assertThat(shown.body().split("class=\"holding-part-status\"", -1)).hasSize(term + 1);
    String calendar = page.get("/me/cash-flows").body();
    assertThat(calendar)
        .contains(detail.get("title").asString() + " 第 1 期")
        .contains("/me/holdings/" + holding);
    assertThat(signIn(b).get("/me/holdings/" + holding).statusCode()).isEqualTo(404);
    assertThat(page.get("/me/holdings/nope").statusCode()).isEqualTo(404);

    // The allocation by grade counts the holding's outstanding principal and what is frozen.
    UUID open = listing(Terms.of(5_000).grade(com.credence.risk.Grade.C));
    assertThat(invest(a, open, "100.00", "h-c").statusCode()).isEqualTo(201);
    assertThat(page.get("/me/portfolio").body()).contains("data-grades=\"B:600.00;C:100.00\"");
  }

  @Test
  void theCashFlowCalendarPagesTheComingPartsByFifty() {
    TestUser user = investor(6_000);
    int loans = 5;
    for (int i = 0; i < loans; i++) {
      UUID listing = listing(Terms.of(1_000));
      assertThat(invest(user, listing, "1000.00", "flows-" + i).statusCode()).isEqualTo(201);
      awaitLoan(listing);
    }
    String today = json(http.get("/api/v1/sim/clock").body()).get("date").asString();
    String until = java.time.LocalDate.parse(today).plusMonths(12).toString();
    String api = "/api/v1/me/cash-flows?from=" + today + "&to=" + until;
    // The repayment module books each loan from its funding's event, after it commits.
    int parts = 0;
    for (int i = 0; i < 200; i++) {
      JsonNode flows = json(http.getWithToken(api, user.token()).body());
      java.util.Set<String> booked = new java.util.HashSet<>();
      flows.get("items").forEach(f -> booked.add(f.get("loanId").asString()));
      parts = flows.get("items").size();
      if (booked.size() == loans) {
        break;
      }
      sleep(50);
    }
    assertThat(parts).as("more than a page of coming parts").isGreaterThan(50).isLessThan(100);

    PageSession page = signIn(user);
    String first = page.get("/me/cash-flows").body();
    assertThat(first.split("class=\"flow-holding\"", -1)).hasSize(50 + 1);
    assertThat(first).contains("第 1 页，共 2 页").contains("id=\"flows-next\"");
    String second = page.get("/me/cash-flows?page=1").body();
    assertThat(second.split("class=\"flow-holding\"", -1)).hasSize(parts - 50 + 1);
    assertThat(second).contains("第 2 页，共 2 页").doesNotContain("id=\"flows-next\"");
    assertThat(page.get("/me/cash-flows?page=9").body().split("class=\"flow-holding\"", -1))
        .as("beyond the end: the last page")
        .hasSize(parts - 50 + 1);
    String bad = page.get("/me/cash-flows?page=x").body();
    assertThat(bad).contains("id=\"flows-error\"").contains("第 1 页，共 2 页");
  }

  private static final Pattern STATUS_CELL =
      Pattern.compile("<td class=\"investment-status\">([^<]*)</td>");

  private static List<String> statusCells(String html) {
    List<String> cells = new java.util.ArrayList<>();
    Matcher m = STATUS_CELL.matcher(html);
    while (m.find()) {
      cells.add(m.group(1));
    }
    return cells;
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
