package com.credence.origination;

import static com.credence.origination.OriginationFixture.JSON;
import static com.credence.origination.OriginationFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityService;
import com.credence.risk.Vin;
import com.credence.risk.sim.SimulatedCreditBureau;
import com.credence.support.IntegrationTestBase;
import com.credence.support.TestSupportConfiguration;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Each rule of the risk engine, end to end through the API, with the code the borrower sees. */
class ScreeningRulesIT extends IntegrationTestBase {

  @Autowired IdentityService identity;
  @Autowired Clock clock;
  @Autowired SimulatedCreditBureau bureau;
  @Autowired Screening screening;

  OriginationFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new OriginationFixture(http, identity, clock);
  }

  @AfterEach
  void bureauUp() {
    bureau.setMode(SimulatedCreditBureau.Mode.UP);
  }

  private void assertRefused(JsonNode created, String code, OriginationFixture.Borrower b) {
    assertThat(created.get("status").asString()).as(created.toString()).isEqualTo("REJECTED");
    assertThat(created.get("refusalCodes").toString()).contains(code);
    JsonNode view = fixture.application(b.token(), created.get("applicationId").asString());
    assertThat(view.get("refusalCodes").toString()).contains(code);
  }

  @Test
  void aRefusedPurposeIsRejected() {
    OriginationFixture.Borrower b = fixture.borrower();
    JsonNode created =
        fixture.applied(
            b.token(),
            OriginationFixture.credit(
                "30000.00", 12, "STOCKS", OriginationFixture.uniqueAddress()));
    assertRefused(created, "PURPOSE_NOT_ALLOWED", b);
  }

  @Test
  void tooMuchDebtForTheIncomeIsRejected() {
    OriginationFixture.Borrower b = fixture.borrower();
    String body =
        OriginationFixture.credit()
            .replace("\"monthlyIncome\":\"30000.00\"", "\"monthlyIncome\":\"3000.00\"")
            .replace("\"monthlyDebtPayments\":\"500.00\"", "\"monthlyDebtPayments\":\"2000.00\"");
    assertRefused(fixture.applied(b.token(), body), "DEBT_TO_INCOME_EXCEEDED", b);
  }

  @Test
  void aBorrowerOverdueNowIsRejected() {
    OriginationFixture.Borrower b =
        fixture.borrower(OriginationFixture.idNumber(r -> r.currentlyOverdue()));
    assertRefused(fixture.applied(b.token(), OriginationFixture.credit()), "CURRENTLY_OVERDUE", b);
  }

  @Test
  void aRelatedPartyIsRejected() {
    OriginationFixture.Borrower b = fixture.borrower();
    HttpResponse<String> added =
        http.postJson(
            "/api/v1/admin/related-parties",
            "{\"subjectId\":\"" + b.idNumber() + "\",\"name\":\"股东\",\"relation\":\"shareholder\"}",
            TestSupportConfiguration.ADMIN_TOKEN);
    assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
    assertRefused(fixture.applied(b.token(), OriginationFixture.credit()), "RELATED_PARTY", b);
  }

  @Test
  void lawsuitsAndSharedAddressesGoToManualReview() {
    OriginationFixture.Borrower sued =
        fixture.borrower(
            OriginationFixture.idNumber(
                r -> r.lawsuits() > 0 && !r.currentlyOverdue() && r.otherPlatformLoans() == 0));
    JsonNode created = fixture.applied(sued.token(), OriginationFixture.credit());
    assertThat(created.get("status").asString()).isIn("IN_REVIEW", "REJECTED");
    OriginationFixture.Officer officer = fixture.officer();
    JsonNode report =
        fixture
            .application(officer.token(), created.get("applicationId").asString())
            .get("riskReport");
    assertThat(report.get("rulesFired").toString()).contains("LAWSUITS");

    String address = OriginationFixture.uniqueAddress();
    OriginationFixture.Borrower first = fixture.borrower();
    fixture.applied(
        first.token(), OriginationFixture.credit("30000.00", 12, "HOME_REPAIR", address));
    OriginationFixture.Borrower second = fixture.borrower();
    JsonNode duplicate =
        fixture.applied(
            second.token(),
            OriginationFixture.credit("30000.00", 12, "HOME_REPAIR", " " + address + " "));
    assertThat(duplicate.get("status").asString()).isEqualTo("IN_REVIEW");
    JsonNode dupReport =
        fixture
            .application(officer.token(), duplicate.get("applicationId").asString())
            .get("riskReport");
    assertThat(dupReport.get("decision").asString()).isEqualTo("MANUAL_REVIEW");
    assertThat(dupReport.get("rulesFired").toString()).contains("DUPLICATE_IDENTITY");
  }

  @Test
  void theBorrowingCapCountsLoansApprovedHere() {
    OriginationFixture.Borrower b = fixture.borrower();
    String first =
        fixture
            .applied(
                b.token(),
                OriginationFixture.credit(
                    "80000.00", 12, "HOME_REPAIR", OriginationFixture.uniqueAddress()))
            .get("applicationId")
            .asString();
    assertThat(fixture.application(b.token(), first).get("status").asString())
        .isEqualTo("IN_REVIEW");
    OriginationFixture.Officer maker = fixture.officer();
    OriginationFixture.Officer checker = fixture.officer();
    assertThat(fixture.decide(maker.token(), first, "APPROVE", "0.0900").statusCode())
        .isEqualTo(200);
    assertThat(fixture.decide(checker.token(), first, "APPROVE", null).statusCode()).isEqualTo(200);

    JsonNode second =
        fixture.applied(
            b.token(),
            OriginationFixture.credit(
                "130000.00", 12, "HOME_REPAIR", OriginationFixture.uniqueAddress()));
    assertRefused(second, "BORROWING_CAP_EXCEEDED", b);
  }

  @Test
  void aVehiclePledgedElsewhereIsRefusedAndNothingCreated() {
    String id =
        OriginationFixture.idNumber(r -> !r.pledgedVins().isEmpty() && !r.currentlyOverdue());
    OriginationFixture.Borrower b = fixture.borrower(id);
    Vin pledged = SimulatedCreditBureau.synthetic(id).pledgedVins().get(0);
    assertProblem(
        fixture.apply(b.token(), OriginationFixture.car(pledged.value(), "50000.00")),
        422,
        "COLLATERAL_ALREADY_PLEDGED");
    JsonNode list =
        JSON.readTree(http.getWithToken("/api/v1/me/loan-applications", b.token()).body());
    assertThat(list.get("total").asLong()).isZero();
  }

  @Test
  void theSameVehicleOnConcurrentApplicationsWinsExactlyOnce() throws Exception {
    Vin vin = OriginationFixture.freshVin();
    int threads = 6;
    List<OriginationFixture.Borrower> borrowers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      borrowers.add(fixture.borrower());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (OriginationFixture.Borrower b : borrowers) {
        Callable<HttpResponse<String>> call =
            () -> {
              start.await();
              return fixture.apply(b.token(), OriginationFixture.car(vin.value(), "50000.00"));
            };
        answers.add(pool.submit(call));
      }
      start.countDown();
      int created = 0;
      int refused = 0;
      for (Future<HttpResponse<String>> f : answers) {
        HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
        if (r.statusCode() == 201) {
          created++;
        } else {
          assertProblem(r, 422, "COLLATERAL_ALREADY_PLEDGED");
          refused++;
        }
      }
      assertThat(created).isEqualTo(1);
      assertThat(refused).isEqualTo(threads - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withTheBureauDownTheApplicationWaitsAndIsScreenedLater() {
    OriginationFixture.Borrower b = fixture.borrower();
    bureau.setMode(SimulatedCreditBureau.Mode.DOWN);
    JsonNode created =
        fixture.applied(
            b.token(), OriginationFixture.car(OriginationFixture.freshVin().value(), "50000.00"));
    String id = created.get("applicationId").asString();
    assertThat(created.get("status").asString()).isEqualTo("SCREENING");
    JsonNode waiting = fixture.application(b.token(), id);
    assertThat(waiting.get("collateral").get("pledged").asBoolean()).isFalse();

    screening.retryDue(clock.instant().plusSeconds(3600));
    assertThat(fixture.application(b.token(), id).get("status").asString())
        .as("never approved blind")
        .isEqualTo("SCREENING");

    bureau.setMode(SimulatedCreditBureau.Mode.UP);
    screening.retryDue(clock.instant().plusSeconds(7200));
    JsonNode screened = fixture.application(b.token(), id);
    assertThat(screened.get("status").asString()).isEqualTo("IN_REVIEW");
    assertThat(screened.get("collateral").get("pledged").asBoolean()).isTrue();
  }
}
