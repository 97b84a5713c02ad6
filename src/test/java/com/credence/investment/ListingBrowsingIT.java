package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.persistence.ListingRow;
import com.credence.origination.LoanApproved;
import com.credence.origination.ProductType;
import com.credence.risk.Grade;
import com.credence.risk.LoanPurpose;
import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Browsing against the real application: every sort and filter of {@code GET /api/v1/listings} over
 * a dozen listings, page by page, compared with an order computed here from the stored rows; the
 * detail's flat JSON; and the browsing cache's read-your-own-investment promise.
 */
class ListingBrowsingIT extends InvestmentFixture {

  @org.springframework.beans.factory.annotation.Autowired ListingBrowser browser;
  @org.springframework.beans.factory.annotation.Autowired InvestmentService investments;

  private static final ProductType[] PRODUCTS = {
    ProductType.CAR, ProductType.CREDIT, ProductType.BUSINESS
  };
  private static final int[] TERMS = {6, 12, 24};

  @Test
  void everySortAndFilterPagesThroughTheListingsInTheDocumentedOrder() {
    // A rate band no other test uses (30.00% and up), so the filter isolates these listings.
    List<ListingRow> mine = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      UUID id =
          listingWith(
              PRODUCTS[i % 3], 3000 + (i * 7 % 12) * 10, TERMS[i / 4], Grade.values()[i % 4]);
      mine.add(store.listing(id).orElseThrow());
    }
    for (String sort :
        List.of("NEWEST", "RATE_DESC", "RATE_ASC", "TERM_ASC", "CLOSING", "PROGRESS")) {
      List<String> expected = ids(mine, l -> true, sort);
      List<String> actual = new ArrayList<>();
      for (int page = 0; page < 3; page++) {
        JsonNode p =
            json(
                http.get(
                        "/api/v1/listings?status=OPEN&minRate=0.3000&size=5&sort="
                            + sort
                            + "&page="
                            + page)
                    .body());
        assertThat(p.get("total").asLong()).as(sort).isEqualTo(12);
        assertThat(p.get("page").asInt()).isEqualTo(page);
        assertThat(p.get("items").size()).isEqualTo(page < 2 ? 5 : 2);
        p.get("items").forEach(item -> actual.add(item.get("listingId").asString()));
      }
      assertThat(actual).as(sort).isEqualTo(expected);
    }
    assertFilter(mine, "grade=B", l -> l.grade().equals("B"));
    assertFilter(mine, "termMonths=24", l -> l.termMonths() == 24);
    assertFilter(mine, "product=BUSINESS", l -> l.product().equals("BUSINESS"));
    assertFilter(mine, "minRate=0.3080", l -> l.annualRateBps() >= 3080);
    assertFilter(
        mine,
        "grade=A&termMonths=6&product=CAR",
        l -> l.grade().equals("A") && l.termMonths() == 6 && l.product().equals("CAR"));

    JsonNode detail = json(http.get("/api/v1/listings/" + mine.get(0).id()).body());
    assertThat(detail.get("listingId").asString()).isEqualTo(mine.get(0).id().toString());
    assertThat(detail.get("annualRate").asString()).isEqualTo("0.3000");
    assertThat(detail.get("termMonths").asInt()).isEqualTo(6);
    assertThat(detail.get("purpose").asString()).isEqualTo("USED_CAR");
    assertThat(detail.has("item")).as("the item's fields are flat").isFalse();
    assertThat(detail.get("disclosure").get("borrower").asString()).isEqualTo("张** · 3*岁 · 上海");
  }

  @Test
  void theBoardOfOpenListingsAnswersAsTheDatabaseDoes() {
    // From 20.00% up (with other tests' listings above); some with money raised, for PROGRESS.
    List<UUID> mine = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      mine.add(
          listingWith(
              PRODUCTS[i % 3], 2000 + (i * 5 % 9) * 10, TERMS[i % 3], Grade.values()[i % 4]));
    }
    TestUser user = investor(5_000);
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r =
          invest(user, mine.get(i * 3), (100 * (i + 1)) + ".00", "board-" + i + "-" + mine.get(0));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    browser.listingsChanged();
    java.util.Random random = new java.util.Random(20_261_204L);
    String[] sorts = {"NEWEST", "RATE_DESC", "RATE_ASC", "TERM_ASC", "CLOSING", "PROGRESS"};
    for (int q = 0; q < 200; q++) {
      ListingFilter filter =
          new ListingFilter(
              ListingStatus.OPEN,
              random.nextInt(3) == 0 ? Grade.values()[random.nextInt(4)].name() : null,
              random.nextInt(3) == 0 ? TERMS[random.nextInt(3)] : null,
              "0." + (2000 + random.nextInt(9) * 10),
              random.nextInt(3) == 0 ? PRODUCTS[random.nextInt(3)].name() : null,
              sorts[random.nextInt(sorts.length)]);
      int page = random.nextInt(3);
      int size = 1 + random.nextInt(6);
      PageOf<ListingView> fromBoard = browser.listings(filter, page, size);
      PageOf<ListingView> fromDatabase = investments.listings(filter, page, size);
      assertThat(fromBoard).as("%s page %d of %d", filter, page, size).isEqualTo(fromDatabase);
    }
  }

  @Test
  void anInvestorSeesTheirInvestmentAtOnceThroughTheCache() {
    UUID listing = listingWith(ProductType.CREDIT, 2900, 12, Grade.B);
    assertThat(json(http.get("/api/v1/listings/" + listing).body()).get("raised").asString())
        .isEqualTo("0.00");
    assertThat(http.get("/listings/" + listing).body()).contains("¥0.00");

    TestUser user = investor(1_000);
    HttpResponse<String> r = invest(user, listing, "500.00", "browse-1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    // The answer is written in an asynchronous dispatch: with the same headers as any other.
    assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));

    JsonNode after = json(http.get("/api/v1/listings/" + listing).body());
    assertThat(after.get("raised").asString()).isEqualTo("500.00");
    assertThat(after.get("remaining").asString()).isEqualTo("19500.00");
    assertThat(http.get("/listings/" + listing + "/progress").body()).contains("¥500.00");
  }

  private void assertFilter(List<ListingRow> mine, String query, Predicate<ListingRow> filter) {
    // Within the band of these listings, unless the query sets its own minimum rate.
    String band = query.contains("minRate") ? "" : "&minRate=0.3000";
    JsonNode p =
        json(
            http.get("/api/v1/listings?status=OPEN&size=100&sort=RATE_ASC" + band + "&" + query)
                .body());
    List<String> actual = new ArrayList<>();
    p.get("items").forEach(item -> actual.add(item.get("listingId").asString()));
    Predicate<ListingRow> all = filter.and(l -> l.annualRateBps() >= 3000);
    assertThat(actual).as(query).isEqualTo(ids(mine, all, "RATE_ASC"));
    assertThat(p.get("total").asLong()).as(query).isEqualTo(actual.size());
  }

  private static List<String> ids(List<ListingRow> rows, Predicate<ListingRow> filter, String s) {
    Comparator<ListingRow> newest =
        Comparator.comparing(ListingRow::createdAt)
            .reversed()
            .thenComparing(Comparator.comparing((ListingRow l) -> l.id().toString()).reversed());
    Comparator<ListingRow> order =
        switch (s) {
          case "RATE_DESC" ->
              Comparator.comparingInt(ListingRow::annualRateBps).reversed().thenComparing(newest);
          case "RATE_ASC" ->
              Comparator.comparingInt(ListingRow::annualRateBps).thenComparing(newest);
          case "TERM_ASC" -> Comparator.comparingInt(ListingRow::termMonths).thenComparing(newest);
          case "CLOSING" -> Comparator.comparing(ListingRow::closesAt).thenComparing(newest);
          default -> newest;
        };
    return rows.stream().filter(filter).sorted(order).map(l -> l.id().toString()).toList();
  }

  /** A listing of 20,000 CNY with the given product, rate, term and grade, opened at once. */
  private UUID listingWith(ProductType product, int rateBps, int term, Grade grade) {
    LoanApproved event =
        new LoanApproved(
            UUID.randomUUID(),
            UUID.randomUUID(),
            product,
            product == ProductType.CAR ? LoanPurpose.USED_CAR : LoanPurpose.BUSINESS,
            Money.yuan(20_000),
            AnnualRate.ofBps(rateBps),
            term,
            RepaymentMethod.EQUAL_INSTALLMENT,
            grade,
            Money.yuan(50),
            Money.yuan(50),
            7,
            false,
            null,
            Money.yuan(0),
            Money.yuan(0),
            1000,
            new LoanApproved.Disclosure("张** · 3*岁 · 上海", null, grade + "级", "借款人可能逾期或违约"));
    tx.executeWithoutResult(s -> events.publishEvent(event));
    Instant until = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(until)) {
      var row = store.listingOfApplication(event.applicationId());
      if (row.isPresent() && autoInvestStore.runDone(row.get().id())) {
        return row.get().id();
      }
      sleep(50);
    }
    throw new AssertionError("No listing for application " + event.applicationId());
  }
}
