package com.credence.origination;

import static com.credence.origination.OriginationFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityService;
import com.credence.support.IntegrationTestBase;
import com.credence.support.PageSession;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OriginationPagesIT extends IntegrationTestBase {

  @Autowired IdentityService identity;
  @Autowired Clock clock;

  OriginationFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new OriginationFixture(http, identity, clock);
  }

  private PageSession signedIn(OriginationFixture.Borrower borrower) {
    PageSession page = new PageSession(http);
    page.get("/login");
    HttpResponse<String> login =
        page.post(
            "/login",
            Map.of("phone", borrower.user().phone(), "password", borrower.user().password()));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    return page;
  }

  private static Map<String, String> creditForm(String amount, String address) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("product", "CREDIT");
    form.put("amount", amount);
    form.put("termMonths", "12");
    form.put("repaymentMethod", "EQUAL_INSTALLMENT");
    form.put("purpose", "HOME_REPAIR");
    form.put("monthlyIncome", "30000.00");
    form.put("monthlyDebtPayments", "0");
    form.put("savings", "50000");
    form.put("employmentMonths", "120");
    form.put("job", "SKILLED");
    form.put("checkingAccount", "AT_LEAST_2000_CNY");
    form.put("housing", "OWN");
    form.put("property", "REAL_ESTATE");
    form.put("otherParty", "NONE");
    form.put("address", address);
    return form;
  }

  @Test
  void theBorrowerFillsTheFormSeesErrorsPerFieldThenFollowsTheStatus() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    PageSession page = signedIn(borrower);

    HttpResponse<String> list = page.get("/me/loan-applications");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("id=\"origination-none\"", "apply-CAR");

    HttpResponse<String> carForm = page.get("/me/loan-applications/new?product=CAR");
    assertThat(carForm.body()).contains("id=\"application-form\"", "车辆识别代号", "name=\"vin\"");
    assertThat(page.get("/me/loan-applications/new?product=CAR&lang=en").body())
        .contains("Vehicle identification number");

    Map<String, String> car = creditForm("50000.00", OriginationFixture.uniqueAddress());
    car.put("product", "CAR");
    car.put("purpose", "USED_CAR");
    car.put("vin", "LSVAB2180E212345O");
    car.put("plate", "沪A12345");
    car.put("estimatedValue", "120000");
    car.put("registrationCertificate", "310012345678");
    page.get("/me/loan-applications/new?product=CAR&lang=zh_CN");
    HttpResponse<String> badVin = page.post("/me/loan-applications", car);
    assertThat(badVin.statusCode()).isEqualTo(200);
    assertThat(badVin.body()).contains("id=\"error-vin\"", "校验位正确").contains("id=\"form-error\"");

    Map<String, String> tooMuch = creditForm("999999999.00", OriginationFixture.uniqueAddress());
    tooMuch.put("termMonths", "7");
    HttpResponse<String> bad = page.post("/me/loan-applications", tooMuch);
    assertThat(bad.body()).contains("id=\"error-amount\"", "id=\"error-termMonths\"");
    assertThat(
            JSON.readTree(
                    http.getWithToken("/api/v1/me/loan-applications", borrower.token()).body())
                .get("total")
                .asLong())
        .as("nothing created")
        .isZero();

    HttpResponse<String> submitted =
        page.post(
            "/me/loan-applications", creditForm("30000.00", OriginationFixture.uniqueAddress()));
    String location = PageSession.location(submitted);
    assertThat(location).contains("/me/loan-applications/").endsWith("?submitted");
    HttpResponse<String> detail = page.get(location.substring(location.indexOf("/me/")));
    assertThat(detail.body())
        .contains("id=\"application-status\"", "人工审核中", "id=\"application-timeline\"", "系统初审中")
        .contains("id=\"document-upload\"");
  }

  @Test
  void theOfficerReadsTheCaseAndRecordsTheFirstApproval() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String id =
        fixture
            .applied(borrower.token(), OriginationFixture.credit())
            .get("applicationId")
            .asString();
    OriginationFixture.PageOfficer officer = fixture.officerForPages();
    PageSession page = new PageSession(http);
    page.get("/login");
    HttpResponse<String> login =
        page.post(
            "/login",
            Map.of(
                "phone",
                officer.phone(),
                "password",
                OriginationFixture.PASSWORD,
                "totp",
                officer.nextCode()));
    assertThat(PageSession.location(login)).doesNotContain("error");

    HttpResponse<String> queue = page.get("/admin/loan-applications?status=IN_REVIEW");
    assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
    assertThat(queue.body()).contains("id=\"review-queue\"");

    HttpResponse<String> caseFile = page.get("/admin/loan-applications/" + id);
    assertThat(caseFile.statusCode()).isEqualTo(200);
    assertThat(caseFile.body())
        .contains("id=\"case-bureau\"", "id=\"case-score-value\"", "id=\"case-reasons\"")
        .contains("id=\"case-collateral\"", "id=\"decision-form\"", "征信摘要");

    HttpResponse<String> decided =
        page.post(
            "/admin/loan-applications/" + id + "/decisions",
            Map.of("decision", "APPROVE", "comment", "收入稳定，征信良好", "annualRate", ""));
    assertThat(PageSession.location(decided)).endsWith("/admin/loan-applications/" + id);
    assertThat(page.get("/admin/loan-applications/" + id).body())
        .contains("id=\"case-message\"", "还需另一名风控专员批准", "收入稳定，征信良好", "id=\"case-awaiting\"");

    page.post(
        "/admin/loan-applications/" + id + "/decisions",
        Map.of("decision", "APPROVE", "comment", "again", "annualRate", ""));
    assertThat(page.get("/admin/loan-applications/" + id).body())
        .contains("id=\"case-error\"", "须由另一名风控专员复核批准");

    HttpResponse<String> products = page.get("/admin/loan-products");
    assertThat(products.body()).contains("id=\"product-CREDIT\"", "id=\"product-CAR\"");
    page.post(
        "/admin/loan-products/BUSINESS",
        Map.of(
            "minAmount", "900000.00",
            "maxAmount", "1000.00",
            "termsMonths", "6,12",
            "repaymentMethods", "EQUAL_INSTALLMENT",
            "upfrontFeeBps", "50",
            "monthlyFeeBps", "0",
            "investorServiceFeeBps", "1000",
            "fundingPeriodDays", "10",
            "minInvestment", "50.00",
            "investmentStep", "50.00"));
    assertThat(page.get("/admin/loan-products").body())
        .contains("id=\"products-error\"", "最低金额须大于0且不高于最高金额");

    HttpResponse<String> borrowerTries =
        http.getWithToken("/api/v1/admin/loan-applications", borrower.token());
    assertThat(borrowerTries.statusCode()).isEqualTo(403);
  }
}
