package com.credence.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.LedgerChecker;
import com.credence.ledger.LedgerService;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.ProblemException;
import com.credence.support.IntegrationTestBase;
import com.credence.support.PageSession;
import com.credence.support.TestSupportConfiguration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A borrower's repayments over the API and the pages: bad input changes nothing, idempotency, early
 * repayment (partial and full), a borrower's repayment racing the end-of-day collection, and the
 * loan, cash-flow and overdue pages.
 */
class RepaymentApiIT extends IntegrationTestBase {

  @Autowired LedgerService ledger;
  @Autowired LedgerChecker checker;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired RepaymentService repayment;
  @Autowired EndOfDay endOfDay;
  @Autowired Clock clock;

  RepaymentFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new RepaymentFixture(ledger, events, tx, repayment, clock);
  }

  private RepaymentFixture.Loan loan(TestUser borrower, LocalDate valueDate, long deposit) {
    RepaymentFixture.Loan loan =
        fixture.fund(borrower.userId(), RepaymentFixture.Terms.equalInstallments(6, valueDate));
    if (deposit > 0) {
      fixture.deposit(loan.borrowerAccount(), deposit);
    }
    return loan;
  }

  @Test
  void badInputIsRefusedClearlyAndMovesNothing() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    RepaymentFixture.Loan loan = loan(borrower, BusinessCalendar.today(clock), 50_000);
    long before = checker.check().transfers();
    for (String amount : List.of("0", "0.00", "-5.00", "1.234", "abc", "")) {
      HttpResponse<String> r = repay(borrower.token(), loan, amount, null, "bad-" + amount);
      assertThat(r.statusCode()).as(amount).isEqualTo(400);
      assertThat(code(r)).as(amount).isEqualTo("INVALID_AMOUNT");
    }
    HttpResponse<String> noKey = repay(borrower.token(), loan, "10.00", null, null);
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(code(noKey)).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");

    TestUser stranger = IdentityTestUsers.registered(http, "BORROWER");
    HttpResponse<String> others = repay(stranger.token(), loan, "10.00", null, "others");
    assertThat(others.statusCode()).isEqualTo(404);
    assertThat(code(others)).isEqualTo("NOT_FOUND");

    HttpResponse<String> tooMuch = repay(borrower.token(), loan, "20000.00", null, "too-much");
    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(code(tooMuch)).isEqualTo("AMOUNT_EXCEEDS_OUTSTANDING");

    HttpResponse<String> poor = repay(borrower.token(), loan, "600.00", null, "poor");
    assertThat(poor.statusCode()).as(poor.body()).isEqualTo(422);
    assertThat(code(poor)).isEqualTo("INSUFFICIENT_FUNDS");

    HttpResponse<String> badMode = repay(borrower.token(), loan, "10.00", "FASTER", "mode");
    assertThat(badMode.statusCode()).isEqualTo(400);

    HttpResponse<String> back =
        http.postJson(
            "/api/v1/sim/clock",
            "{\"date\":\"" + BusinessCalendar.today(clock).minusDays(1) + "\"}",
            null);
    assertThat(back.statusCode()).isEqualTo(409);
    assertThat(code(back)).isEqualTo("CLOCK_NEVER_GOES_BACK");

    assertThat(checker.check().transfers()).as("nothing moved").isEqualTo(before);
    assertThat(fixture.balance(loan.borrowerAccount())).isEqualTo(50_000);
    assertThat(repayment.schedule(borrower.userId(), Set.of(), loan.loanId()))
        .allMatch(i -> i.paid().isZero());
  }

  @Test
  void partialEarlyRepaymentShortensTheTermThenAFullOneSettles() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    RepaymentFixture.Loan loan = loan(borrower, BusinessCalendar.today(clock), 2_000_000);

    HttpResponse<String> partial =
        repay(borrower.token(), loan, "4000.00", "SHORTEN_TERM", "early-" + loan.loanId());
    assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
    JsonNode body = json(partial.body());
    assertThat(body.get("kind").asString()).isEqualTo("EARLY_PARTIAL");
    assertThat(body.get("allocated").get("principal").asString()).isEqualTo("4000.00");
    // The same key and body again: the same answer, nothing moved twice.
    HttpResponse<String> replay =
        repay(borrower.token(), loan, "4000.00", "SHORTEN_TERM", "early-" + loan.loanId());
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(json(replay.body()).get("repaymentId").asString())
        .isEqualTo(body.get("repaymentId").asString());
    HttpResponse<String> reused =
        repay(borrower.token(), loan, "4001.00", "SHORTEN_TERM", "early-" + loan.loanId());
    assertThat(reused.statusCode()).isEqualTo(409);
    assertThat(code(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");

    List<InstallmentView> schedule = repayment.schedule(borrower.userId(), Set.of(), loan.loanId());
    assertThat(schedule.get(0).status()).isEqualTo("PAID");
    List<InstallmentView> rest = schedule.subList(1, schedule.size());
    assertThat(rest).hasSizeLessThan(6);
    assertThat(rest.stream().mapToLong(i -> i.principal().amountMinor()).sum()).isEqualTo(600_000);
    assertThat(fixture.balance(loan.escrow())).isZero();

    LoanView view = repayment.loan(borrower.userId(), Set.of(), loan.loanId());
    HttpResponse<String> full =
        repay(borrower.token(), loan, view.payoff().toApiString(), null, "full-" + loan.loanId());
    assertThat(full.statusCode()).as(full.body()).isEqualTo(201);
    assertThat(json(full.body()).get("kind").asString()).isEqualTo("EARLY_FULL");
    assertThat(json(full.body()).get("loanStatus").asString()).isEqualTo("SETTLED");
    assertThat(fixture.balance(loan.escrow())).isZero();
    long received = loan.holders().stream().mapToLong(h -> fixture.balance(h.account())).sum();
    assertThat(received).as("holders got all principal back").isGreaterThanOrEqualTo(1_000_000);
    LedgerCheckReport report = checker.check();
    assertThat(report.balanced()).as(report.violations().toString()).isTrue();
  }

  @Test
  void aRepaymentRacingTheEndOfDayCollectsOnce() throws Exception {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    LocalDate today = BusinessCalendar.today(clock);
    // Value date a month ago: the first installment is due today.
    RepaymentFixture.Loan loan = loan(borrower, today.minusMonths(1), 0);
    InstallmentView first = repayment.schedule(borrower.userId(), Set.of(), loan.loanId()).get(0);
    assertThat(first.dueDate()).isEqualTo(today);
    long due = first.total().amountMinor();
    fixture.deposit(loan.borrowerAccount(), due);

    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int n = t;
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                if (n == 0) {
                  return "eod:" + endOfDay.collectDue(today)[0];
                }
                try {
                  return repayment
                      .repay(
                          borrower.userId(),
                          loan.loanId(),
                          first.total().toApiString(),
                          null,
                          "race-" + n + "-" + loan.loanId())
                      .kind();
                } catch (ProblemException e) {
                  return e.code();
                }
              }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> f : outcomes) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    long manual = results.stream().filter("DUE"::equals).count();
    long byEod = results.contains("eod:1") ? 1 : 0;
    assertThat(manual + byEod).as(results.toString()).isEqualTo(1);
    assertThat(results.stream().filter(r -> !r.startsWith("eod") && !"DUE".equals(r)))
        .as(results.toString())
        .allMatch("INSUFFICIENT_FUNDS"::equals);
    assertThat(fixture.balance(loan.borrowerAccount())).isZero();
    assertThat(fixture.balance(loan.escrow())).isZero();
    assertThat(repayment.schedule(borrower.userId(), Set.of(), loan.loanId()).get(0).status())
        .isEqualTo("PAID");
    long holders = loan.holders().stream().mapToLong(h -> fixture.balance(h.account())).sum();
    assertThat(
            holders
                + com.credence.repayment.domain.HolderSplit.serviceFeeMinor(
                    first.interest().amountMinor(), 1000)
                + first.fee().amountMinor())
        .isEqualTo(due);
    LedgerCheckReport report = checker.check();
    assertThat(report.balanced()).as(report.violations().toString()).isTrue();
  }

  @Test
  void pagesShowTheLoanTheRepayFormAndRefuseBadInputOnThePage() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    RepaymentFixture.Loan loan = loan(borrower, BusinessCalendar.today(clock), 100_000);
    PageSession page = new PageSession(http);
    page.get("/login");
    HttpResponse<String> signedIn =
        page.post("/login", Map.of("phone", borrower.phone(), "password", borrower.password()));
    assertThat(signedIn.statusCode()).isEqualTo(302);

    HttpResponse<String> list = page.get("/me/loans");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("我的借款").contains("/me/loans/" + loan.loanId());
    HttpResponse<String> detail = page.get("/me/loans/" + loan.loanId());
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("还款计划").contains("id=\"repay-amount\"");
    assertThat(page.get("/me/loans/" + loan.loanId() + "?lang=en").body()).contains("Schedule");

    HttpResponse<String> bad =
        page.post(
            "/me/loans/" + loan.loanId() + "/repayments",
            Map.of("amount", "1.234", "key", "page-bad-" + loan.loanId()));
    assertThat(PageSession.location(bad)).endsWith("/me/loans/" + loan.loanId());
    assertThat(page.get("/me/loans/" + loan.loanId()).body())
        .contains("id=\"loan-error\"")
        .containsAnyOf("金额须为大于零、最多两位小数的元金额", "The amount must be positive yuan");
    assertThat(fixture.balance(loan.borrowerAccount())).isEqualTo(100_000);

    HttpResponse<String> good =
        page.post(
            "/me/loans/" + loan.loanId() + "/repayments",
            Map.of("amount", "500.00", "key", "page-good-" + loan.loanId()));
    assertThat(PageSession.location(good)).endsWith("/me/loans/" + loan.loanId());
    assertThat(page.get("/me/loans/" + loan.loanId()).body()).contains("id=\"loan-message\"");
    assertThat(fixture.balance(loan.borrowerAccount())).isEqualTo(50_000);
    assertThat(page.get("/me/loans/" + loan.loanId() + "?lang=en").body()).contains("Schedule");
    assertThat(page.get("/me/loans/" + loan.loanId() + "?lang=en").body()).contains("Schedule");

    TestUser stranger = IdentityTestUsers.registered(http, "BORROWER");
    PageSession other = new PageSession(http);
    other.get("/login");
    other.post("/login", Map.of("phone", stranger.phone(), "password", stranger.password()));
    assertThat(other.get("/me/loans/" + loan.loanId()).statusCode()).isEqualTo(404);

    HttpResponse<String> flows = other.get("/me/cash-flows");
    assertThat(flows.statusCode()).isEqualTo(200);
    assertThat(flows.body()).contains("回款日历").contains("data-flows=");

    HttpResponse<String> overdue =
        http.getWithToken("/api/v1/admin/loans/overdue", TestSupportConfiguration.ADMIN_TOKEN);
    assertThat(overdue.statusCode()).as(overdue.body()).isEqualTo(200);
    HttpResponse<String> logged =
        http.postJson(
            "/api/v1/admin/loans/" + loan.loanId() + "/collection-log",
            "{\"kind\":\"PROMISE_TO_PAY\",\"note\":\"called\",\"promisedDate\":\"2030-01-01\","
                + "\"promisedAmount\":\"100.00\"}",
            TestSupportConfiguration.ADMIN_TOKEN);
    assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
    assertThat(json(logged.body()).get("promisedAmount").asString()).isEqualTo("100.00");
    HttpResponse<String> badLog =
        http.postJson(
            "/api/v1/admin/loans/" + loan.loanId() + "/collection-log",
            "{\"kind\":\"PROMISE_TO_PAY\",\"note\":\"called\"}",
            TestSupportConfiguration.ADMIN_TOKEN);
    assertThat(badLog.statusCode()).isEqualTo(400);
    assertThat(repayment.collectionLog(loan.loanId())).hasSize(1);
  }

  private static String code(HttpResponse<String> r) {
    return json(r.body()).get("code").asString();
  }

  private HttpResponse<String> repay(
      String token, RepaymentFixture.Loan loan, String amount, String mode, String key) {
    String body =
        mode == null
            ? "{\"amount\":\"" + amount + "\"}"
            : "{\"amount\":\"" + amount + "\",\"earlyRepayment\":\"" + mode + "\"}";
    HttpRequest.Builder request =
        http.request("/api/v1/loans/" + loan.loanId() + "/repayments")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request);
  }
}
