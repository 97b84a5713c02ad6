package com.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.support.IntegrationTestBase;
import com.credence.support.PageSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web shell over real HTTPS: language, security headers, error pages, actuator. */
class WebShellIT extends IntegrationTestBase {

  @Test
  void homePageIsChineseByDefault() {
    HttpResponse<String> response = http.get("/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("lang=\"zh-CN\"").contains("每一分钱都可核查的网络借贷");
  }

  @Test
  void homePageFollowsAcceptLanguage() {
    HttpResponse<String> response =
        http.send(http.request("/").header("Accept-Language", "en-US,en;q=0.9").GET());
    assertThat(response.body())
        .contains("lang=\"en\"")
        .contains("Online lending where every fen can be checked");
    HttpResponse<String> other =
        http.send(http.request("/").header("Accept-Language", "fr-FR").GET());
    assertThat(other.body()).contains("lang=\"zh-CN\"");
  }

  @Test
  void languageSwitchPersistsInACookie() {
    HttpResponse<String> switched = http.get("/?lang=en");
    assertThat(switched.body()).contains("lang=\"en\"");
    String cookie =
        switched.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(LocaleConfiguration.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("Secure").contains("HttpOnly");
    String pair = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> later =
        http.send(
            http.request("/").header("Cookie", pair).header("Accept-Language", "zh-CN").GET());
    assertThat(later.body()).contains("lang=\"en\"");
  }

  @Test
  void openApiDocumentPublishesTheApi() {
    HttpResponse<String> response = http.get("/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body())
        .contains("\"/api/v1/auth/register\"")
        .contains("\"/api/v1/auth/tokens\"")
        .contains("\"/api/v1/me\"")
        .contains("\"/api/v1/deposits\"")
        .contains("\"/api/v1/admin/ledger/check\"");
  }

  @Test
  void responsesAreCompressedWhenAsked() {
    HttpResponse<byte[]> response =
        http.sendForBytes(http.request("/").header("Accept-Encoding", "gzip").GET());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(response.body()[0] & 0xff).isEqualTo(0x1f); // gzip magic number
    assertThat(response.body()[1] & 0xff).isEqualTo(0x8b);
  }

  @Test
  void pagesCarryTheSecurityHeaders() {
    HttpResponse<String> response = http.get("/");
    assertThat(response.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            v -> assertThat(v).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy"))
        .contains("strict-origin-when-cross-origin");
  }

  @Test
  void pagesHaveNoInlineScript() {
    String body = http.get("/").body();
    assertThat(body).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    assertThat(body).doesNotContain("style=\"");
  }

  @Test
  void unknownPageIsAFriendly404InTheVisitorsLanguage() {
    HttpResponse<String> zh = http.get("/listings/no-such-listing/nothing");
    assertThat(zh.statusCode()).isEqualTo(404);
    assertThat(zh.body())
        .contains("页面不存在")
        .doesNotContain("Exception")
        .doesNotContain("Whitelabel");
    HttpResponse<String> en =
        http.send(
            http.request("/listings/no-such-listing/nothing")
                .header("Accept-Language", "en")
                .GET());
    assertThat(en.statusCode()).isEqualTo(404);
    assertThat(en.body()).contains("Page not found");
  }

  @Test
  void failingPageIsAFriendly500WithoutInternals() {
    HttpResponse<String> zh = http.get("/listings/test-probe/boom");
    assertThat(zh.statusCode()).isEqualTo(500);
    assertThat(zh.body())
        .contains("系统繁忙")
        .contains("请求编号")
        .doesNotContain("page failure")
        .doesNotContain("IllegalState")
        .doesNotContain("at com.");
    HttpResponse<String> en =
        http.send(http.request("/listings/test-probe/boom").header("Accept-Language", "en").GET());
    assertThat(en.body()).contains("Something went wrong").contains("Request id");
  }

  @Test
  void staffPageIsAFriendly403ForAnInvestor() {
    IdentityTestUsers.TestUser investor = IdentityTestUsers.registered(http, "INVESTOR");
    PageSession page = new PageSession(http);
    page.get("/login");
    HttpResponse<String> signedIn =
        page.post("/login", Map.of("phone", investor.phone(), "password", investor.password()));
    assertThat(PageSession.location(signedIn)).endsWith("/me");
    HttpResponse<String> zh = page.get("/admin/ledger");
    assertThat(zh.statusCode()).isEqualTo(403);
    assertThat(zh.body()).contains("没有权限").doesNotContain("Exception");
    HttpResponse<String> en = page.get("/admin/ledger?lang=en");
    assertThat(en.statusCode()).isEqualTo(403);
    assertThat(en.body()).contains("Access denied");
  }

  @Test
  void protectedPageSendsAnonymousVisitorsToSignIn() {
    HttpResponse<String> response = http.get("/me");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void signInPageHasACsrfProtectedForm() {
    HttpResponse<String> response = http.get("/login");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("name=\"_csrf\"").contains("name=\"phone\"");
  }

  @Test
  void loginWithoutCsrfTokenIsRefused() {
    HttpResponse<String> response =
        http.send(
            http.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "phone=13800000000&password=x")));
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void healthGroupsArePublicAndReadinessIncludesTheDatabase() {
    assertThat(http.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
    assertThat(http.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
  }

  @Test
  void prometheusAndInfoAreNotPublic() {
    assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(http.get("/actuator/info").statusCode()).isEqualTo(401);
    assertThat(
            http.getWithToken(
                    "/actuator/prometheus",
                    com.credence.support.TestSupportConfiguration.INVESTOR_TOKEN)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void staffSeePrometheusAndBuildInfo() {
    String admin = com.credence.support.TestSupportConfiguration.ADMIN_TOKEN;
    HttpResponse<String> metrics = http.getWithToken("/actuator/prometheus", admin);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    HttpResponse<String> info = http.getWithToken("/actuator/info", admin);
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("\"build\"").contains("\"artifact\":\"credence\"");
  }
}
