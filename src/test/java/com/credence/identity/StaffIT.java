package com.credence.identity;

import static com.credence.identity.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.domain.Base32;
import com.credence.identity.domain.Totp;
import com.credence.support.IntegrationTestBase;
import com.credence.support.TestSupportConfiguration;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The admin from the test profile's {@code credence.admin.*}, the second factor every staff member
 * needs, and staff creation.
 */
class StaffIT extends IntegrationTestBase {

  static final String ADMIN_PHONE = "19900000001";
  static final String ADMIN_PASSWORD = "Admin-test-2026"; // secrets-scan:allow (test admin)

  @Autowired Clock clock;

  private IdentityApi api;

  @BeforeEach
  void setUp() {
    api = new IdentityApi(http);
  }

  @Test
  void adminEnrolsTotpThenCreatesStaffWhoMustEnrolToo() {
    String adminToken = adminTokenWithSecondFactor();

    String staffPhone = IdentityApi.randomPhone();
    assertProblem(
        createStaff(adminToken, staffPhone, "weak", "RISK_OFFICER"), 400, "WEAK_PASSWORD");
    assertProblem(
        createStaff(adminToken, staffPhone, "Risk-officer-2026", "ADMIN"),
        400,
        "VALIDATION_FAILED");
    HttpResponse<String> created =
        createStaff(adminToken, staffPhone, "Risk-officer-2026", "RISK_OFFICER");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertProblem(
        createStaff(adminToken, staffPhone, "Risk-officer-2026", "AUDITOR"),
        409,
        "PHONE_ALREADY_REGISTERED");

    String staffToken = api.token(staffPhone, "Risk-officer-2026");
    JsonNode me = json(http.getWithToken("/api/v1/me", staffToken).body());
    assertThat(me.get("roles").get(0).asString()).isEqualTo("RISK_OFFICER");
    assertProblem(
        http.getWithToken("/api/v1/admin/loan-applications", staffToken),
        403,
        "SECOND_FACTOR_REQUIRED");

    byte[] secret = enrol(staffToken);
    String withTotp = tokenWithTotp(staffPhone, "Risk-officer-2026", secret);
    HttpResponse<String> queue =
        http.getWithToken("/api/v1/admin/no-such-staff-endpoint", withTotp);
    assertThat(json(queue.body()).get("code").asString()).isNotEqualTo("SECOND_FACTOR_REQUIRED");
    assertProblem(
        createStaff(withTotp, IdentityApi.randomPhone(), "Operator-pass-2026", "OPERATOR"),
        403,
        "FORBIDDEN");
  }

  @Test
  void nonStaffCannotCreateStaff() {
    String investorToken = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    assertProblem(
        createStaff(investorToken, IdentityApi.randomPhone(), "Operator-pass-2026", "OPERATOR"),
        403,
        "FORBIDDEN");
    assertProblem(
        createStaff(null, IdentityApi.randomPhone(), "Operator-pass-2026", "OPERATOR"),
        401,
        "UNAUTHENTICATED");
  }

  @Test
  void totpEnrolmentRefusesWrongCodesAndSecondStarts() {
    String token = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    assertProblem(
        http.postJson("/api/v1/me/totp/confirm", "{\"code\":\"123456\"}", token),
        409,
        "TOTP_NOT_STARTED");
    HttpResponse<String> started = http.postJson("/api/v1/me/totp", "", token);
    assertThat(started.statusCode()).isEqualTo(200);
    JsonNode enrolment = json(started.body());
    assertThat(enrolment.get("otpauthUri").asString())
        .startsWith("otpauth://totp/Credence:")
        .contains("secret=" + enrolment.get("secret").asString())
        .contains("****");
    byte[] secret = Base32.decode(enrolment.get("secret").asString());
    String right = Totp.code(secret, clock.instant());
    String wrong = right.equals("000000") ? "111111" : "000000";
    assertProblem(
        http.postJson("/api/v1/me/totp/confirm", "{\"code\":\"" + wrong + "\"}", token),
        400,
        "TOTP_INVALID");
    assertThat(
            http.postJson("/api/v1/me/totp/confirm", "{\"code\":\"" + right + "\"}", token)
                .statusCode())
        .isEqualTo(200);
    assertProblem(http.postJson("/api/v1/me/totp", "", token), 409, "TOTP_ALREADY_ENABLED");
  }

  @Test
  void signInNeedsTheSecondFactorOnceItIsOn() {
    String phone = api.registeredUser("INVESTOR");
    byte[] secret = enrol(api.token(phone, IdentityApi.PASSWORD));
    assertProblem(api.tokens(phone, IdentityApi.PASSWORD), 401, "TOTP_REQUIRED");
    String current = Totp.code(secret, clock.instant());
    String wrong = current.equals("000000") ? "111111" : "000000";
    assertProblem(api.tokensWithTotp(phone, IdentityApi.PASSWORD, wrong), 401, "TOTP_INVALID");
    String token = tokenWithTotp(phone, IdentityApi.PASSWORD, secret);
    assertThat(
            json(http.getWithToken("/api/v1/me", token).body())
                .get("secondFactorEnabled")
                .asBoolean())
        .isTrue();
  }

  @Test
  void fixedTestTokensOfOtherModulesStillPass() {
    HttpResponse<String> response =
        http.getWithToken("/api/v1/admin/anything", TestSupportConfiguration.ADMIN_TOKEN);
    assertThat(json(response.body()).get("code").asString()).isEqualTo("NOT_FOUND");
  }

  /** The bootstrapped admin, with TOTP turned on if an earlier test has not done it already. */
  private String adminTokenWithSecondFactor() {
    HttpResponse<String> plain = api.tokens(ADMIN_PHONE, ADMIN_PASSWORD);
    assertThat(plain.statusCode()).as("admin bootstrap: " + plain.body()).isEqualTo(200);
    String token = json(plain.body()).get("accessToken").asString();
    assertProblem(
        createStaff(token, IdentityApi.randomPhone(), "Operator-pass-2026", "OPERATOR"),
        403,
        "SECOND_FACTOR_REQUIRED");
    byte[] secret = enrol(token);
    return tokenWithTotp(ADMIN_PHONE, ADMIN_PASSWORD, secret);
  }

  /** Turns TOTP on with the code of the current step; returns the secret. */
  private byte[] enrol(String token) {
    JsonNode enrolment = json(http.postJson("/api/v1/me/totp", "", token).body());
    byte[] secret = Base32.decode(enrolment.get("secret").asString());
    HttpResponse<String> confirmed =
        http.postJson(
            "/api/v1/me/totp/confirm",
            "{\"code\":\"" + Totp.code(secret, clock.instant()) + "\"}",
            token);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    return secret;
  }

  /** Signs in with the next step's code (the current one was used by the confirmation). */
  private String tokenWithTotp(String phone, String password, byte[] secret) {
    Instant next = clock.instant().plusSeconds(Totp.STEP_SECONDS);
    HttpResponse<String> response = api.tokensWithTotp(phone, password, Totp.code(secret, next));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body()).get("accessToken").asString();
  }

  private HttpResponse<String> createStaff(
      String token, String phone, String password, String role) {
    return http.postJson(
        "/api/v1/admin/staff",
        "{\"phone\":\"" + phone + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}",
        token);
  }
}
