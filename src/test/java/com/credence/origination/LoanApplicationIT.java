package com.credence.origination;

import static com.credence.origination.OriginationFixture.JSON;
import static com.credence.origination.OriginationFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityService;
import com.credence.identity.IdentityTestUsers;
import com.credence.support.IntegrationTestBase;
import com.credence.support.TestSupportConfiguration;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LoanApplicationIT extends IntegrationTestBase {

  @Autowired IdentityService identity;
  @Autowired Clock clock;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  OriginationFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new OriginationFixture(http, identity, clock);
  }

  @Test
  void productsArePublicWithTheirSettings() {
    HttpResponse<String> response = http.get("/api/v1/loan-products");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode products = JSON.readTree(response.body());
    List<String> names = new ArrayList<>();
    products.forEach(p -> names.add(p.get("product").asString()));
    assertThat(names).contains("CREDIT", "CAR", "BUSINESS");
    JsonNode credit = products.get(0);
    assertThat(credit.get("minInvestment").asString()).isEqualTo("50.00");
    assertThat(credit.get("investmentStep").asString()).isEqualTo("50.00");
    assertThat(credit.get("termsMonths").toString()).contains("12");
  }

  @Test
  void staffChangeProductsAndEveryChangeIsAudited() {
    long before =
        jdbc.sql("select count(*) from origination.loan_product_changes where product = 'CAR'")
            .query(Long.class)
            .single();
    String body =
        """
        {"minAmount":"10000.00","maxAmount":"200000.00","termsMonths":[6,12,24,36],
         "repaymentMethods":["EQUAL_INSTALLMENT","INTEREST_FIRST"],"upfrontFeeBps":0,
         "monthlyFeeBps":5,"investorServiceFeeBps":1000,"fundingPeriodDays":7,
         "partialFundingAllowed":false,"minInvestment":"50.00","investmentStep":"50.00",
         "enabled":true}
        """;
    HttpResponse<String> saved = put("/api/v1/admin/loan-products/CAR", body);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(JSON.readTree(saved.body()).get("monthlyFeeBps").asInt()).isEqualTo(5);
    JsonNode invalid =
        assertProblem(
            put(
                "/api/v1/admin/loan-products/CAR",
                body.replace("\"maxAmount\":\"200000.00\"", "\"maxAmount\":\"5.00\"")),
            400,
            "VALIDATION_FAILED");
    assertThat(invalid.get("errors").toString()).contains("maxAmount");
    long after =
        jdbc.sql("select count(*) from origination.loan_product_changes where product = 'CAR'")
            .query(Long.class)
            .single();
    assertThat(after).isEqualTo(before + 1);
    OriginationFixture.Borrower borrower = fixture.borrower();
    assertProblem(
        http.send(
            http.request("/api/v1/admin/loan-products/CAR")
                .header("Authorization", "Bearer " + borrower.token())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))),
        403,
        "FORBIDDEN");
  }

  private HttpResponse<String> put(String path, String body) {
    return http.send(
        http.request(path)
            .header("Authorization", "Bearer " + TestSupportConfiguration.ADMIN_TOKEN)
            .header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void aSoundApplicationIsScreenedIntoReviewAndOnlyItsBorrowerSeesIt() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    JsonNode created = fixture.applied(borrower.token(), OriginationFixture.credit());
    String id = created.get("applicationId").asString();
    assertThat(created.get("status").asString()).isEqualTo("IN_REVIEW");

    JsonNode mine = fixture.application(borrower.token(), id);
    assertThat(mine.get("status").asString()).isEqualTo("IN_REVIEW");
    assertThat(mine.get("amount").asString()).isEqualTo("30000.00");
    assertThat(mine.get("riskReport").isNull()).as("no risk report for the borrower").isTrue();

    OriginationFixture.Borrower other = fixture.borrower();
    assertProblem(
        http.getWithToken("/api/v1/loan-applications/" + id, other.token()), 404, "NOT_FOUND");

    JsonNode list =
        JSON.readTree(http.getWithToken("/api/v1/me/loan-applications", borrower.token()).body());
    assertThat(list.get("total").asLong()).isEqualTo(1);
    assertThat(list.get("items").get(0).get("applicationId").asString()).isEqualTo(id);
  }

  @Test
  void theBorrowerCancelsBeforeApprovalButNotTwice() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String id =
        fixture
            .applied(borrower.token(), OriginationFixture.credit())
            .get("applicationId")
            .asString();
    HttpResponse<String> cancelled =
        http.postJson("/api/v1/loan-applications/" + id + "/cancellation", "", borrower.token());
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(JSON.readTree(cancelled.body()).get("status").asString()).isEqualTo("CANCELLED");
    assertProblem(
        http.postJson("/api/v1/loan-applications/" + id + "/cancellation", "", borrower.token()),
        409,
        "APPLICATION_NOT_CANCELLABLE");
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsCreated() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String badVin =
        OriginationFixture.car("LSVAB2180E2123456", "50000.00")
            .replace("LSVAB2180E2123456", "LSVAB2180E212345O");
    JsonNode vin = assertProblem(fixture.apply(borrower.token(), badVin), 400, "VALIDATION_FAILED");
    assertThat(vin.get("errors").toString()).contains("collateral.vin");

    JsonNode code =
        assertProblem(
            fixture.apply(borrower.token(), OriginationFixture.business("91310000MA1FL4XXX1")),
            400,
            "VALIDATION_FAILED");
    assertThat(code.get("errors").toString()).contains("business.creditCode");

    JsonNode amount =
        assertProblem(
            fixture.apply(
                borrower.token(),
                OriginationFixture.credit(
                    "500000.00", 12, "HOME_REPAIR", OriginationFixture.uniqueAddress())),
            400,
            "VALIDATION_FAILED");
    assertThat(amount.get("errors").toString()).contains("\"amount\"");

    JsonNode term =
        assertProblem(
            fixture.apply(
                borrower.token(),
                OriginationFixture.credit(
                    "30000.00", 7, "HOME_REPAIR", OriginationFixture.uniqueAddress())),
            400,
            "VALIDATION_FAILED");
    assertThat(term.get("errors").toString()).contains("termMonths");

    JsonNode missing =
        assertProblem(
            fixture.apply(borrower.token(), "{\"product\":\"CREDIT\"}"), 400, "VALIDATION_FAILED");
    assertThat(missing.get("errors").toString()).contains("amount", "purpose", "monthlyIncome");

    JsonNode list =
        JSON.readTree(http.getWithToken("/api/v1/me/loan-applications", borrower.token()).body());
    assertThat(list.get("total").asLong()).as("nothing created").isZero();
  }

  @Test
  void onlyVerifiedBorrowersApply() {
    IdentityTestUsers.TestUser unverified = IdentityTestUsers.registered(http, "BORROWER");
    assertProblem(
        fixture.apply(unverified.token(), OriginationFixture.credit()), 422, "KYC_REQUIRED");
    IdentityTestUsers.TestUser investor = IdentityTestUsers.verified(http, "INVESTOR");
    assertProblem(fixture.apply(investor.token(), OriginationFixture.credit()), 403, "FORBIDDEN");
    assertProblem(
        fixture.apply(TestSupportConfiguration.ADMIN_TOKEN, OriginationFixture.credit()),
        403,
        "FORBIDDEN");
  }

  @Test
  void aCompanyAppliesWithAValidCreditCode() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String first17 = "91310000MA1FL4" + String.format("%03d", (int) (Math.random() * 1000));
    String code = first17 + com.credence.origination.domain.CreditCodes.checkCharacter(first17);
    JsonNode created = fixture.applied(borrower.token(), OriginationFixture.business(code));
    assertThat(created.get("status").asString()).isIn("IN_REVIEW", "REJECTED");
    JsonNode view = fixture.application(borrower.token(), created.get("applicationId").asString());
    assertThat(view.get("business").get("creditCode").asString()).isEqualTo(code);
    assertThat(view.get("business").get("legalRepresentative").asString()).isEqualTo("李**");
  }
}
