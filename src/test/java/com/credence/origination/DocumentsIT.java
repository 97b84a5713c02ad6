package com.credence.origination;

import static com.credence.origination.OriginationFixture.JSON;
import static com.credence.origination.OriginationFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.identity.IdentityService;
import com.credence.shared.ProblemException;
import com.credence.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DocumentsIT extends IntegrationTestBase {

  @Autowired IdentityService identity;
  @Autowired Clock clock;
  @Autowired OriginationService origination;

  OriginationFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new OriginationFixture(http, identity, clock);
  }

  @Test
  void aPdfIsStoredAndServedOnlyToItsOwnerAndStaffAsAnAttachment() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String id =
        fixture
            .applied(borrower.token(), OriginationFixture.credit())
            .get("applicationId")
            .asString();
    byte[] pdf =
        "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    HttpResponse<String> uploaded =
        fixture.upload(borrower.token(), id, "INCOME_PROOF", "../../etc/pay slip.pdf", pdf);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode doc = JSON.readTree(uploaded.body());
    assertThat(doc.get("contentType").asString()).isEqualTo("application/pdf");
    assertThat(doc.get("fileName").asString()).isEqualTo("pay_slip.pdf");
    String path =
        "/api/v1/loan-applications/" + id + "/documents/" + doc.get("documentId").asString();

    HttpResponse<byte[]> mine =
        http.sendForBytes(http.request(path).header("Authorization", "Bearer " + borrower.token()));
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.body()).isEqualTo(pdf);
    assertThat(mine.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(mine.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    OriginationFixture.Borrower other = fixture.borrower();
    assertProblem(http.getWithToken(path, other.token()), 404, "NOT_FOUND");
    assertProblem(fixture.upload(other.token(), id, "OTHER", "x.pdf", pdf), 404, "NOT_FOUND");

    OriginationFixture.Officer officer = fixture.officer();
    assertThat(
            http.sendForBytes(
                    http.request(path).header("Authorization", "Bearer " + officer.token()))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void wrongTypesAndSizesAreRefusedAndNothingIsStored() {
    OriginationFixture.Borrower borrower = fixture.borrower();
    String id =
        fixture
            .applied(borrower.token(), OriginationFixture.credit())
            .get("applicationId")
            .asString();

    byte[] gif = "GIF89a fake".getBytes(StandardCharsets.US_ASCII);
    assertProblem(
        fixture.upload(borrower.token(), id, "OTHER", "photo.pdf", gif),
        415,
        "DOCUMENT_TYPE_NOT_ALLOWED");
    byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
    assertProblem(
        fixture.upload(borrower.token(), id, "OTHER", "x.png", html),
        415,
        "DOCUMENT_TYPE_NOT_ALLOWED");
    assertProblem(
        fixture.upload(borrower.token(), id, "PASSPORT", "x.png", html), 400, "VALIDATION_FAILED");
    assertProblem(
        fixture.upload(borrower.token(), id, "OTHER", "x.png", new byte[0]), 400, "DOCUMENT_EMPTY");

    byte[] big = new byte[5 * 1024 * 1024 + 1];
    big[0] = (byte) 0x89;
    big[1] = 'P';
    big[2] = 'N';
    big[3] = 'G';
    assertThatThrownBy(
            () ->
                origination.uploadDocument(
                    borrower.userId(), UUID.fromString(id), "OTHER", "big.png", big))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.code()).isEqualTo("DOCUMENT_TOO_LARGE"));

    JsonNode list =
        JSON.readTree(
            http.getWithToken("/api/v1/loan-applications/" + id + "/documents", borrower.token())
                .body());
    assertThat(list.size()).isZero();
  }
}
