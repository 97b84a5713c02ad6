package com.credence.identity;

import static com.credence.identity.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens, lockout, password reset, SMS sign-in with code expiry, and the per-phone SMS limit. */
class LoginIT extends IntegrationTestBase {

  private IdentityApi api;

  @BeforeEach
  void setUp() {
    api = new IdentityApi(http);
  }

  @Test
  void wrongPasswordAndUnknownPhoneLookTheSame() {
    String phone = api.registeredUser("INVESTOR");
    assertProblem(api.tokens(phone, "Wrong-password-1"), 401, "INVALID_CREDENTIALS");
    assertProblem(
        api.tokens(IdentityApi.randomPhone(), IdentityApi.PASSWORD), 401, "INVALID_CREDENTIALS");
    assertProblem(api.tokens("not-a-phone", IdentityApi.PASSWORD), 401, "INVALID_CREDENTIALS");
    assertProblem(
        http.postJson("/api/v1/auth/tokens", "{\"phone\":\"" + phone + "\"}", null),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
    String phone = api.registeredUser("INVESTOR");
    for (int i = 0; i < 4; i++) {
      assertProblem(api.tokens(phone, "Wrong-password-1"), 401, "INVALID_CREDENTIALS");
    }
    HttpResponse<String> fifth = api.tokens(phone, "Wrong-password-1");
    assertThat(assertProblem(fifth, 423, "ACCOUNT_LOCKED").get("detail").asString())
        .contains("locked until");
    assertProblem(api.tokens(phone, IdentityApi.PASSWORD), 423, "ACCOUNT_LOCKED");
  }

  @Test
  void passwordResetLiftsTheLockAndRevokesTokens() {
    String phone = api.registeredUser("INVESTOR");
    String oldToken = api.token(phone, IdentityApi.PASSWORD);
    for (int i = 0; i < 5; i++) {
      api.tokens(phone, "Wrong-password-1");
    }
    assertProblem(api.tokens(phone, IdentityApi.PASSWORD), 423, "ACCOUNT_LOCKED");

    assertThat(api.requestCode(phone, "RESET_PASSWORD").statusCode()).isEqualTo(202);
    String code = api.latestCode(phone, "RESET_PASSWORD");
    assertProblem(reset(phone, code, "weakpass"), 400, "WEAK_PASSWORD");
    assertThat(reset(phone, code, "New-secret-2027").statusCode()).isEqualTo(204);
    assertProblem(reset(phone, code, "Other-secret-2028"), 400, "SMS_CODE_INVALID");

    assertProblem(http.getWithToken("/api/v1/me", oldToken), 401, "UNAUTHENTICATED");
    assertProblem(api.tokens(phone, IdentityApi.PASSWORD), 401, "INVALID_CREDENTIALS");
    assertThat(api.tokens(phone, "New-secret-2027").statusCode()).isEqualTo(200);
  }

  @Test
  void smsSignInCodesExpire() throws InterruptedException {
    String phone = api.registeredUser("BORROWER");
    api.requestCode(phone, "LOGIN");
    String fresh = api.latestCode(phone, "LOGIN");
    HttpResponse<String> signedIn = smsSignIn(phone, fresh);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertProblem(smsSignIn(phone, fresh), 400, "SMS_CODE_INVALID");

    api.requestCode(phone, "LOGIN");
    String stale = api.latestCode(phone, "LOGIN");
    Thread.sleep(3_500); // the test profile gives LOGIN codes 3 s
    assertProblem(smsSignIn(phone, stale), 400, "SMS_CODE_EXPIRED");
  }

  @Test
  void smsCodesAreRateLimitedPerPhone() {
    String phone = IdentityApi.randomPhone();
    for (int i = 0; i < 5; i++) {
      assertThat(api.requestCode(phone, "REGISTER").statusCode()).isEqualTo(202);
    }
    assertProblem(api.requestCode(phone, "REGISTER"), 429, "RATE_LIMITED");
    assertThat(api.requestCode(IdentityApi.randomPhone(), "REGISTER").statusCode()).isEqualTo(202);
    // The newest code still registers: the limit stops sending, not the codes already sent.
    assertThat(
            api.register(phone, api.latestCode(phone, "REGISTER"), IdentityApi.PASSWORD, "INVESTOR")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void aNewerCodeVoidsTheOlderOne() {
    String phone = IdentityApi.randomPhone();
    api.requestCode(phone, "REGISTER");
    String older = api.latestCode(phone, "REGISTER");
    api.requestCode(phone, "REGISTER");
    String newer = api.latestCode(phone, "REGISTER");
    if (!older.equals(newer)) {
      assertProblem(
          api.register(phone, older, IdentityApi.PASSWORD, "INVESTOR"), 400, "SMS_CODE_INVALID");
    }
    assertThat(api.register(phone, newer, IdentityApi.PASSWORD, "INVESTOR").statusCode())
        .isEqualTo(201);
  }

  private HttpResponse<String> reset(String phone, String code, String password) {
    return http.postJson(
        "/api/v1/auth/password-reset",
        "{\"phone\":\""
            + phone
            + "\",\"smsCode\":\""
            + code
            + "\",\"newPassword\":\""
            + password
            + "\"}",
        null);
  }

  private HttpResponse<String> smsSignIn(String phone, String code) {
    return http.postJson(
        "/api/v1/auth/tokens", "{\"phone\":\"" + phone + "\",\"smsCode\":\"" + code + "\"}", null);
  }
}
