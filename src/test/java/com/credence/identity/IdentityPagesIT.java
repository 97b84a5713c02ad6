package com.credence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.IntegrationTestBase;
import com.credence.support.PageSession;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity pages through a browser-like HTTPS session with CSRF: sign up, sign in, KYC,
 * questionnaire, 2FA.
 */
class IdentityPagesIT extends IntegrationTestBase {

  @org.springframework.beans.factory.annotation.Autowired java.time.Clock clock;

  private IdentityApi api;

  @BeforeEach
  void setUp() {
    api = new IdentityApi(http);
  }

  @Test
  void signUpThenSignInThenVerifyAndAssessOnThePages() {
    PageSession page = new PageSession(http);
    HttpResponse<String> form = page.get("/register");
    assertThat(form.statusCode()).isEqualTo(200);
    assertNoInlineCode(form.body());
    assertThat(form.body()).contains("hx-post=\"/register/sms-code\"");

    String phone = IdentityApi.randomPhone();
    HttpResponse<String> sent =
        page.post("/register/sms-code", Map.of("phone", phone), Map.of("HX-Request", "true"));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body())
        .contains("id=\"sms-status\"")
        .contains("验证码已发送")
        .doesNotContain("<html");

    HttpResponse<String> weak =
        page.post(
            "/register",
            Map.of(
                "phone",
                phone,
                "smsCode",
                api.latestCode(phone, "REGISTER"),
                "password",
                "short",
                "role",
                "INVESTOR"));
    assertThat(weak.statusCode()).isEqualTo(200);
    assertThat(weak.body()).contains("id=\"form-error\"").contains("密码强度不足");

    HttpResponse<String> registered =
        page.post(
            "/register",
            Map.of(
                "phone",
                phone,
                "smsCode",
                api.latestCode(phone, "REGISTER"),
                "password",
                IdentityApi.PASSWORD,
                "role",
                "INVESTOR"));
    assertThat(PageSession.location(registered)).endsWith("/login?registered");

    page.get("/login?registered");
    HttpResponse<String> signedIn =
        page.post("/login", Map.of("phone", phone, "password", IdentityApi.PASSWORD));
    assertThat(PageSession.location(signedIn)).endsWith("/me");

    HttpResponse<String> me = page.get("/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains(phone.substring(0, 3) + "****" + phone.substring(7))
        .doesNotContain(phone)
        .contains("未认证");
    assertNoInlineCode(me.body());

    page.get("/me/identity");
    HttpResponse<String> badId =
        page.post("/me/identity", Map.of("realName", "陈小红", "idNumber", "123"));
    assertThat(badId.body()).contains("身份证号码无效");
    String idNumber = IdentityApi.randomIdNumber();
    HttpResponse<String> verified =
        page.post("/me/identity", Map.of("realName", "陈小红", "idNumber", idNumber));
    assertThat(PageSession.location(verified)).endsWith("/me?verified");
    assertThat(page.get("/me?verified").body())
        .contains("已认证")
        .contains("陈*")
        .doesNotContain(idNumber);

    HttpResponse<String> questions = page.get("/me/risk-assessment");
    assertThat(questions.body()).contains("您的年龄是？");
    assertNoInlineCode(questions.body());
    HttpResponse<String> partial = page.post("/me/risk-assessment", Map.of("q-age", "2"));
    assertThat(partial.body()).contains("请回答全部问题");
    Map<String, String> answers = new LinkedHashMap<>();
    String[] ids = {
      "age",
      "income",
      "share",
      "experience",
      "knowledge",
      "goal",
      "horizon",
      "loss",
      "overdue",
      "debt"
    };
    int[] values = {2, 2, 3, 2, 2, 3, 3, 3, 3, 3};
    for (int i = 0; i < ids.length; i++) {
      answers.put("q-" + ids[i], String.valueOf(values[i]));
    }
    HttpResponse<String> assessed = page.post("/me/risk-assessment", answers);
    assertThat(assessed.body()).contains("id=\"risk-result\"").contains("平衡型");

    HttpResponse<String> security = page.get("/me/security");
    assertThat(security.body()).contains("id=\"totp-start\"");
    HttpResponse<String> enrolment = page.post("/me/security/totp", Map.of());
    assertThat(enrolment.body())
        .contains("id=\"totp-qr\"")
        .contains("src=\"data:image/svg+xml;base64,");
    assertNoInlineCode(enrolment.body());
    HttpResponse<String> wrongCode = page.post("/me/security/totp/confirm", Map.of("code", "abc"));
    assertThat(wrongCode.body()).contains("id=\"form-error\"");
  }

  @Test
  void pageSignInRefusesWrongPasswordsAndLocksWithAClearMessage() {
    String phone = api.registeredUser("BORROWER");
    PageSession page = new PageSession(http);
    page.get("/login");
    HttpResponse<String> wrong =
        page.post("/login", Map.of("phone", phone, "password", "Wrong-password-1"));
    assertThat(PageSession.location(wrong)).endsWith("/login?error=INVALID_CREDENTIALS");
    assertThat(page.get("/login?error=INVALID_CREDENTIALS").body()).contains("手机号或密码不正确");
    for (int i = 0; i < 4; i++) {
      page.post("/login", Map.of("phone", phone, "password", "Wrong-password-1"));
    }
    HttpResponse<String> locked =
        page.post("/login", Map.of("phone", phone, "password", IdentityApi.PASSWORD));
    assertThat(PageSession.location(locked)).endsWith("/login?error=ACCOUNT_LOCKED");
    HttpResponse<String> lockedPage = page.get("/login?error=ACCOUNT_LOCKED");
    assertThat(lockedPage.body()).contains("账户已被临时锁定").contains("href=\"/password-reset\"");
  }

  @Test
  void pageSignInAsksForTheSecondFactorWhenItIsOn() {
    String phone = api.registeredUser("INVESTOR");
    String token = api.token(phone, IdentityApi.PASSWORD);
    byte[] secret =
        com.credence.identity.domain.Base32.decode(
            json(http.postJson("/api/v1/me/totp", "", token).body()).get("secret").asString());
    java.time.Instant now = clock.instant();
    http.postJson(
        "/api/v1/me/totp/confirm",
        "{\"code\":\"" + com.credence.identity.domain.Totp.code(secret, now) + "\"}",
        token);

    PageSession page = new PageSession(http);
    page.get("/login");
    HttpResponse<String> missing =
        page.post("/login", Map.of("phone", phone, "password", IdentityApi.PASSWORD));
    assertThat(PageSession.location(missing)).endsWith("/login?error=TOTP_REQUIRED");
    assertThat(page.get("/login?error=TOTP_REQUIRED").body()).contains("请输入动态验证码");
    String next = com.credence.identity.domain.Totp.code(secret, now.plusSeconds(30));
    HttpResponse<String> signedIn =
        page.post("/login", Map.of("phone", phone, "password", IdentityApi.PASSWORD, "totp", next));
    assertThat(PageSession.location(signedIn)).endsWith("/me");
    assertThat(page.get("/me/security").body()).contains("id=\"totp-status\"").contains("已开启");
  }

  @Test
  void passwordResetPageSetsANewPassword() {
    String phone = api.registeredUser("INVESTOR");
    PageSession page = new PageSession(http);
    assertThat(page.get("/password-reset").statusCode()).isEqualTo(200);
    HttpResponse<String> sent = page.post("/password-reset/sms-code", Map.of("phone", phone));
    assertThat(sent.body()).contains("验证码已发送");
    HttpResponse<String> reset =
        page.post(
            "/password-reset",
            Map.of(
                "phone",
                phone,
                "smsCode",
                api.latestCode(phone, "RESET_PASSWORD"),
                "newPassword",
                "Fresh-secret-2027"));
    assertThat(PageSession.location(reset)).endsWith("/login?reset");
    assertThat(api.tokens(phone, "Fresh-secret-2027").statusCode()).isEqualTo(200);
  }

  @Test
  void pagesSpeakEnglishWhenAsked() {
    HttpResponse<String> en =
        http.send(http.request("/register").header("Accept-Language", "en").GET());
    assertThat(en.body()).contains("Send code").contains("Sign up");
  }

  private static void assertNoInlineCode(String body) {
    assertThat(body).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    assertThat(body).doesNotContain("style=\"");
  }
}
