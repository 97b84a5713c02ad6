package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.persistence.ListingRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The borrowing caps are checked again when a funding starts (REGULATION.md), and two fundings of
 * the same borrower cannot both pass on the same headroom: a company's platform cap is 1,000,000
 * CNY, and two of its 600,000 CNY listings fill at once.
 */
class BorrowingCapsAtFundingIT extends InvestmentFixture {

  @Autowired JdbcClient jdbc;

  /**
   * An approved company application, stored as origination stores it: the caps check reads its
   * amount and the company's credit code (the simulated bureau reports at most 300,000 CNY owed
   * elsewhere for any code, far below the 5,000,000 CNY all-platforms cap).
   */
  private UUID companyApplication(UUID borrowerId, String creditCode, long amountYuan) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            INSERT INTO origination.applications (id, borrower_id, product, borrower_type, status,
              amount_minor, term_months, repayment_method, purpose, monthly_income_minor,
              monthly_debt_minor, checking_account, housing, job, property, other_party,
              credit_code, approved_rate_bps, created_at, updated_at)
            VALUES (:id, :b, 'BUSINESS', 'COMPANY', 'APPROVED', :amount, 12, 'EQUAL_INSTALLMENT',
              'BUSINESS', 0, 0, 'NONE', 'OWN', 'SKILLED', 'NONE', 'NONE', :code, 950,
              :now, :now)
            """)
        .param("id", id)
        .param("b", borrowerId)
        .param("amount", amountYuan * 100)
        .param("code", creditCode)
        .param("now", java.sql.Timestamp.from(now))
        .update();
    return id;
  }

  private UUID companyListing(UUID borrower, String creditCode, long amountYuan) {
    UUID application = companyApplication(borrower, creditCode, amountYuan);
    return listing(approved(Terms.of(amountYuan), borrower, application));
  }

  @Test
  void twoListingsOfOneCompanyFillingAtOnceFundOneAndFailTheOther() throws Exception {
    UUID company = UUID.randomUUID();
    String code =
        "91310000"
            + String.format("%010d", Math.abs(company.getLeastSignificantBits() % 10_000_000_000L));
    UUID first = companyListing(company, code, 600_000);
    UUID second = companyListing(company, code, 600_000);
    TestUser a = investor(700_000);
    TestUser b = investor(700_000);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> bids =
          List.of(
              pool.submit(
                  () -> {
                    start.await();
                    return invest(a, first, "600000.00", "cap-a").statusCode();
                  }),
              pool.submit(
                  () -> {
                    start.await();
                    return invest(b, second, "600000.00", "cap-b").statusCode();
                  }));
      start.countDown();
      for (Future<Integer> bid : bids) {
        assertThat(bid.get()).isEqualTo(201);
      }
      // As two nodes would: each settles both listings while the rush's funding does too.
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> settles =
          List.of(
              pool.submit(
                  () -> {
                    go.await();
                    funding.settle(first);
                    return null;
                  }),
              pool.submit(
                  () -> {
                    go.await();
                    funding.settle(second);
                    return null;
                  }));
      go.countDown();
      for (Future<?> f : settles) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    funding.settle(first);
    funding.settle(second);

    List<ListingRow> rows =
        List.of(store.listing(first).orElseThrow(), store.listing(second).orElseThrow());
    assertThat(rows.stream().filter(r -> r.loanId() != null))
        .as("one loan of 600,000 CNY fits under the 1,000,000 CNY cap, two do not")
        .hasSize(1);
    assertThat(rows.stream().filter(r -> r.status() == ListingStatus.FAILED)).hasSize(1);
    ListingRow failed =
        rows.stream().filter(r -> r.status() == ListingStatus.FAILED).findFirst().orElseThrow();
    TestUser refunded = failed.id().equals(first) ? a : b;
    TestUser lent = failed.id().equals(first) ? b : a;
    assertThat(funds(refunded.userId()).availableMinor()).isEqualTo(70_000_000);
    assertThat(funds(refunded.userId()).frozenMinor()).isZero();
    assertThat(funds(lent.userId()).totalMinor()).isEqualTo(10_000_000);
    assertThat(checker.check().balanced()).isTrue();
  }
}
