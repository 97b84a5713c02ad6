package com.credence.identity;

import static com.credence.identity.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole identity journey of an investor over HTTPS: register, token, /me, KYC, questionnaire.
 */
class RegistrationJourneyIT extends IntegrationTestBase {

  private IdentityApi api;

  @BeforeEach
  void setUp() {
    api = new IdentityApi(http);
  }

  @Test
  void investorRegistersVerifiesAndTakesTheQuestionnaire() {
    String phone = IdentityApi.randomPhone();
    assertThat(api.requestCode(phone, "REGISTER").statusCode()).isEqualTo(202);
    String code = api.latestCode(phone, "REGISTER");
    assertThat(code).matches("[0-9]{6}");

    HttpResponse<String> registered = api.register(phone, code, IdentityApi.PASSWORD, "INVESTOR");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String userId = json(registered.body()).get("userId").asString();

    HttpResponse<String> tokens = api.tokens(phone, IdentityApi.PASSWORD);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode issued = json(tokens.body());
    assertThat(issued.get("tokenType").asString()).isEqualTo("Bearer");
    assertThat(issued.get("expiresIn").asLong()).isPositive();
    String token = issued.get("accessToken").asString();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");

    JsonNode me = json(http.getWithToken("/api/v1/me", token).body());
    assertThat(me.get("userId").asString()).isEqualTo(userId);
    assertThat(me.get("phone").asString())
        .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(me.get("roles").get(0).asString()).isEqualTo("INVESTOR");
    assertThat(me.get("kycStatus").asString()).isEqualTo("NONE");
    assertThat(me.get("riskLevel").isNull()).isTrue();

    String idNumber = IdentityApi.randomIdNumber();
    HttpResponse<String> kyc =
        http.postJson(
            "/api/v1/me/identity",
            "{\"realName\":\"王小明\",\"idNumber\":\"" + idNumber + "\"}",
            token);
    assertThat(kyc.statusCode()).as(kyc.body()).isEqualTo(200);
    assertThat(json(kyc.body()).get("kycStatus").asString()).isEqualTo("VERIFIED");

    HttpResponse<String> questions = http.get("/api/v1/risk-assessment/questions");
    assertThat(questions.statusCode()).isEqualTo(200);
    assertThat(json(questions.body()).size()).isEqualTo(10);

    HttpResponse<String> assessed =
        http.postJson("/api/v1/me/risk-assessment", "{\"answers\":[2,2,3,2,2,3,3,3,3,3]}", token);
    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
    JsonNode result = json(assessed.body());
    assertThat(result.get("riskLevel").asString()).isEqualTo("BALANCED");
    assertThat(LocalDate.parse(result.get("validUntil").asString()))
        .isAfter(LocalDate.now().plusDays(360));

    JsonNode after = json(http.getWithToken("/api/v1/me", token).body());
    assertThat(after.get("kycStatus").asString()).isEqualTo("VERIFIED");
    assertThat(after.get("riskLevel").asString()).isEqualTo("BALANCED");
    assertThat(after.get("realName").asString()).isEqualTo("王**");
    assertThat(after.toString()).doesNotContain(idNumber).doesNotContain(phone);
  }

  @Test
  void revokedTokenNoLongerWorks() {
    String phone = api.registeredUser("BORROWER");
    String token = api.token(phone, IdentityApi.PASSWORD);
    assertThat(http.getWithToken("/api/v1/me", token).statusCode()).isEqualTo(200);
    HttpResponse<String> revoked =
        http.send(
            http.request("/api/v1/auth/tokens/current")
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(revoked.statusCode()).isEqualTo(204);
    assertProblem(http.getWithToken("/api/v1/me", token), 401, "UNAUTHENTICATED");
    assertProblem(
        http.send(
            http.request("/api/v1/auth/tokens/current")
                .header("Authorization", "Bearer " + token)
                .DELETE()),
        401,
        "UNAUTHENTICATED");
  }

  @Test
  void anInvestorMayAlsoBorrow() {
    String token = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    HttpResponse<String> added =
        http.postJson("/api/v1/me/roles", "{\"role\":\"BORROWER\"}", token);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(json(added.body()).get("roles").toString()).isEqualTo("[\"BORROWER\",\"INVESTOR\"]");
    assertThat(json(http.getWithToken("/api/v1/me", token).body()).get("roles").size())
        .isEqualTo(2);
    assertProblem(
        http.postJson("/api/v1/me/roles", "{\"role\":\"ADMIN\"}", token), 400, "VALIDATION_FAILED");
  }

  @Test
  void questionsFollowAcceptLanguage() {
    JsonNode en =
        json(
            http.send(
                    http.request("/api/v1/risk-assessment/questions")
                        .header("Accept-Language", "en-US,en;q=0.9")
                        .GET())
                .body());
    assertThat(en.get(0).get("text").asString()).isEqualTo("How old are you?");
    assertThat(en.get(0).get("options").get(0).get("value").asInt()).isEqualTo(1);
    JsonNode zh = json(http.get("/api/v1/risk-assessment/questions").body());
    assertThat(zh.get(0).get("text").asString()).isEqualTo("您的年龄是？");
  }
}
