package com.credence.origination;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityService;
import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.identity.Role;
import com.credence.identity.TotpEnrolment;
import com.credence.identity.domain.Base32;
import com.credence.identity.domain.ResidentIdNumber;
import com.credence.identity.domain.Totp;
import com.credence.risk.BureauReport;
import com.credence.risk.Vin;
import com.credence.risk.sim.SimulatedCreditBureau;
import com.credence.support.HttpsClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Borrowers with chosen bureau reports, risk officers with a second factor, application bodies. */
final class OriginationFixture {

  static final String PASSWORD = "Review-cases-2026"; // secrets-scan:allow (throwaway test users)
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String VIN_CHARACTERS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

  private final HttpsClient http;
  private final IdentityService identity;
  private final Clock clock;

  OriginationFixture(HttpsClient http, IdentityService identity, Clock clock) {
    this.http = http;
    this.identity = identity;
    this.clock = clock;
  }

  /** A signed-in, verified borrower and the ID number it verified with. */
  record Borrower(TestUser user, String idNumber) {
    String token() {
      return user.token();
    }

    UUID userId() {
      return user.userId();
    }
  }

  /** An ID number of an adult whose simulated bureau report satisfies {@code wanted}. */
  static String idNumber(Predicate<BureauReport> wanted) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      LocalDate birth =
          LocalDate.of(1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
      String id = ResidentIdNumber.compose("110105", birth, random.nextInt(998));
      if (wanted.test(SimulatedCreditBureau.synthetic(id))) {
        return id;
      }
    }
  }

  static boolean clean(BureauReport r) {
    return r.creditHistoryMonths() > 24
        && r.overdueRecords() == 0
        && r.lawsuits() == 0
        && r.otherPlatformLoans() == 0
        && r.pledgedVins().isEmpty()
        && !r.currentlyOverdue();
  }

  Borrower borrower() {
    return borrower(idNumber(OriginationFixture::clean));
  }

  Borrower borrower(String idNumber) {
    TestUser user = IdentityTestUsers.registered(http, "BORROWER");
    HttpResponse<String> kyc =
        http.postJson(
            "/api/v1/me/identity",
            "{\"realName\":\"王借款\",\"idNumber\":\"" + idNumber + "\"}",
            user.token());
    assertThat(kyc.body()).as("real-name verification").contains("VERIFIED");
    return new Borrower(user, idNumber);
  }

  /** A risk officer with the second factor on; its phone, password and TOTP secret. */
  record Officer(UUID userId, String phone, byte[] secret, String token) {}

  Officer officer() {
    String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    UUID id = identity.createStaff(phone, PASSWORD, Role.RISK_OFFICER);
    TotpEnrolment enrolment = identity.startTotpEnrolment(id);
    byte[] secret = Base32.decode(enrolment.secret());
    identity.confirmTotp(id, Totp.code(secret, clock.instant()));
    String token =
        identity
            .issueToken(
                phone,
                PASSWORD,
                null,
                Totp.code(secret, clock.instant().plusSeconds(Totp.STEP_SECONDS)),
                "127.0.0.1")
            .accessToken();
    return new Officer(id, phone, secret, token);
  }

  /** A risk officer with the second factor confirmed now; signs in on pages with the next code. */
  record PageOfficer(UUID userId, String phone, String nextCode) {}

  PageOfficer officerForPages() {
    String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    UUID id = identity.createStaff(phone, PASSWORD, Role.RISK_OFFICER);
    byte[] secret = Base32.decode(identity.startTotpEnrolment(id).secret());
    identity.confirmTotp(id, Totp.code(secret, clock.instant()));
    return new PageOfficer(
        id, phone, Totp.code(secret, clock.instant().plusSeconds(Totp.STEP_SECONDS)));
  }

  static Vin freshVin() {
    Random random = ThreadLocalRandom.current();
    char[] chars = new char[17];
    for (int i = 0; i < 17; i++) {
      chars[i] = VIN_CHARACTERS.charAt(random.nextInt(VIN_CHARACTERS.length()));
    }
    chars[8] = Vin.checkDigitFor(new String(chars));
    return new Vin(new String(chars));
  }

  /** A sound credit-loan application body; {@code overrides} replaces fields ("key":value,...). */
  static String credit(String amount, int term, String purpose, String address) {
    return """
        {"product":"CREDIT","amount":"%s","termMonths":%d,"repaymentMethod":"EQUAL_INSTALLMENT",
         "purpose":"%s","monthlyIncome":"30000.00","monthlyDebtPayments":"500.00",
         "savings":"50000.00","employmentMonths":120,"job":"SKILLED",
         "checkingAccount":"AT_LEAST_2000_CNY","housing":"OWN","property":"REAL_ESTATE",
         "otherParty":"NONE","address":"%s"}
        """
        .formatted(amount, term, purpose, address);
  }

  static String credit() {
    return credit("30000.00", 12, "HOME_REPAIR", uniqueAddress());
  }

  static String car(String vin, String amount) {
    return """
        {"product":"CAR","amount":"%s","termMonths":12,"repaymentMethod":"EQUAL_INSTALLMENT",
         "purpose":"USED_CAR","monthlyIncome":"30000.00","monthlyDebtPayments":"0.00",
         "savings":"50000.00","employmentMonths":120,"job":"SKILLED",
         "checkingAccount":"AT_LEAST_2000_CNY","housing":"OWN","property":"CAR",
         "address":"%s",
         "collateral":{"vin":"%s","plate":"沪A12345","estimatedValue":"120000.00",
                       "registrationCertificate":"310012345678"}}
        """
        .formatted(amount, uniqueAddress(), vin);
  }

  static String business(String creditCode) {
    return """
        {"product":"BUSINESS","amount":"100000.00","termMonths":12,
         "repaymentMethod":"EQUAL_INSTALLMENT","purpose":"BUSINESS",
         "monthlyIncome":"80000.00","monthlyDebtPayments":"0.00","savings":"200000.00",
         "employmentMonths":100,"job":"MANAGEMENT_OR_SELF_EMPLOYED",
         "checkingAccount":"AT_LEAST_2000_CNY","housing":"OWN","property":"REAL_ESTATE",
         "address":"%s",
         "business":{"creditCode":"%s","annualRevenue":"3000000.00",
                     "legalRepresentative":"李法人"}}
        """
        .formatted(uniqueAddress(), creditCode);
  }

  static String uniqueAddress() {
    return "上海市浦东新区测试路" + UUID.randomUUID() + "号";
  }

  HttpResponse<String> apply(String token, String body) {
    return http.postJson("/api/v1/loan-applications", body, token);
  }

  /** Applies and expects 201; returns the answer's JSON. */
  JsonNode applied(String token, String body) {
    HttpResponse<String> response = apply(token, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  JsonNode application(String token, String id) {
    HttpResponse<String> response = http.getWithToken("/api/v1/loan-applications/" + id, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  HttpResponse<String> decide(String token, String id, String decision, String rate) {
    String body =
        "{\"decision\":\""
            + decision
            + "\",\"comment\":\"checked the report\""
            + (rate == null ? "" : ",\"annualRate\":\"" + rate + "\"")
            + "}";
    return http.postJson("/api/v1/admin/loan-applications/" + id + "/decisions", body, token);
  }

  /** Uploads a file as multipart/form-data. */
  HttpResponse<String> upload(
      String token, String id, String kind, String fileName, byte[] content) {
    String boundary = "----credence" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
                + kind
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return http.send(
        http.request("/api/v1/loan-applications/" + id + "/documents")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
    return problem;
  }
}
