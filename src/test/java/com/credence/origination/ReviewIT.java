package com.credence.origination;

import static com.credence.origination.OriginationFixture.JSON;
import static com.credence.origination.OriginationFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityService;
import com.credence.shared.Money;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ReviewIT extends com.credence.support.IntegrationTestBase {

  @Autowired IdentityService identity;
  @Autowired Clock clock;
  @Autowired LoanApprovedRecorder recorder;
  @Autowired ApprovedLoans approvedLoans;
  @Autowired JdbcClient jdbc;

  OriginationFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new OriginationFixture(http, identity, clock);
  }

  private String inReview(OriginationFixture.Borrower borrower) {
    JsonNode created = fixture.applied(borrower.token(), OriginationFixture.credit());
    assertThat(created.get("status").asString()).isEqualTo("IN_REVIEW");
    return created.get("applicationId").asString();
  }

  @Test
  void twoDifferentOfficersApproveAndTheLoanIsAnnouncedWithoutPersonalData() throws Exception {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String id = inReview(borrower);
    OriginationFixture.Officer maker = fixture.officer();
    OriginationFixture.Officer checker = fixture.officer();

    JsonNode staffView = fixture.application(maker.token(), id);
    assertThat(staffView.get("riskReport").get("grade").asString()).isIn("A", "B", "C", "D");
    assertThat(staffView.get("riskReport").get("bureau").get("creditHistoryMonths").asInt())
        .isPositive();

    JsonNode queue =
        JSON.readTree(
            http.getWithToken(
                    "/api/v1/admin/loan-applications?status=IN_REVIEW&size=100", maker.token())
                .body());
    assertThat(queue.get("total").asLong()).isPositive();

    HttpResponse<String> first = fixture.decide(maker.token(), id, "APPROVE", null);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).get("status").asString()).isEqualTo("IN_REVIEW");
    assertThat(JSON.readTree(first.body()).get("awaitingSecondApproval").asBoolean()).isTrue();

    assertProblem(
        fixture.decide(maker.token(), id, "APPROVE", null),
        409,
        "SAME_OFFICER_CANNOT_APPROVE_TWICE");
    assertThat(recorder.find(UUID.fromString(id))).isEmpty();

    HttpResponse<String> second = fixture.decide(checker.token(), id, "APPROVE", null);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(JSON.readTree(second.body()).get("status").asString()).isEqualTo("APPROVED");

    LoanApproved event = recorder.find(UUID.fromString(id)).orElseThrow();
    assertThat(recorder.count(UUID.fromString(id))).isEqualTo(1);
    assertThat(event.borrowerId()).isEqualTo(borrower.userId());
    assertThat(event.amount()).isEqualTo(Money.yuan(30_000));
    assertThat(event.minInvestment()).isEqualTo(Money.yuan(50));
    assertThat(event.annualRate().toApiString())
        .isEqualTo(staffView.get("riskReport").get("offeredRate").asString());
    String serialized = JSON.writeValueAsString(event);
    assertThat(serialized).doesNotContain(borrower.idNumber()).doesNotContain("王借款");

    assertProblem(
        fixture.decide(checker.token(), id, "REJECT", null), 409, "APPLICATION_NOT_IN_REVIEW");

    JsonNode decisions =
        JSON.readTree(
            jdbc.sql(
                    "select json_agg(officer_id) from origination.review_decisions where application_id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single());
    assertThat(decisions.size()).as("audit of both approvals").isEqualTo(2);

    // The investment module opens the listing and tells origination; telling it again is harmless.
    JsonNode listed = fixture.application(borrower.token(), id);
    for (int i = 0; i < 150 && !listed.hasNonNull("listingId"); i++) {
      Thread.sleep(100);
      listed = fixture.application(borrower.token(), id);
    }
    assertThat(listed.get("status").asString()).isEqualTo("LISTED");
    UUID listing = UUID.fromString(listed.get("listingId").asString());
    approvedLoans.markListed(UUID.fromString(id), listing);
    assertThat(fixture.application(borrower.token(), id).get("listingId").asString())
        .isEqualTo(listing.toString());
  }

  @Test
  void eitherOfficerRejectsWithAComment() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String id = inReview(borrower);
    OriginationFixture.Officer maker = fixture.officer();
    assertThat(fixture.decide(maker.token(), id, "APPROVE", "0.0950").statusCode()).isEqualTo(200);
    OriginationFixture.Officer checker = fixture.officer();
    assertProblem(
        fixture.decide(checker.token(), id, "APPROVE", "0.0900"), 409, "APPROVAL_RATE_MISMATCH");
    HttpResponse<String> rejected = fixture.decide(checker.token(), id, "REJECT", null);
    assertThat(JSON.readTree(rejected.body()).get("status").asString()).isEqualTo("REJECTED");
    JsonNode view = fixture.application(borrower.token(), id);
    assertThat(view.get("status").asString()).isEqualTo("REJECTED");
    assertThat(view.get("refusalCodes").toString()).contains("REVIEW_REJECTED");
  }

  @Test
  void aRateAboveTheLegalCapIsRefused() {
    String id = inReview(fixture.borrower());
    OriginationFixture.Officer maker = fixture.officer();
    assertProblem(
        fixture.decide(maker.token(), id, "APPROVE", "0.1300"), 422, "RATE_ABOVE_LEGAL_CAP");
    assertProblem(fixture.decide(maker.token(), id, "MAYBE", null), 400, "VALIDATION_FAILED");
    HttpResponse<String> noComment =
        http.postJson(
            "/api/v1/admin/loan-applications/" + id + "/decisions",
            "{\"decision\":\"APPROVE\"}",
            maker.token());
    assertProblem(noComment, 400, "VALIDATION_FAILED");
    JsonNode view = fixture.application(maker.token(), id);
    assertThat(view.get("awaitingSecondApproval").asBoolean()).as("nothing recorded").isFalse();
  }

  @Test
  void borrowersCannotReview() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String id = inReview(borrower);
    assertProblem(fixture.decide(borrower.token(), id, "APPROVE", null), 403, "FORBIDDEN");
    assertProblem(
        http.getWithToken("/api/v1/admin/loan-applications", borrower.token()), 403, "FORBIDDEN");
  }
}
