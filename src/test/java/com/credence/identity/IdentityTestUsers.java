package com.credence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.HttpsClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Real users for the integration tests of other modules, made through the public identity API:
 * registered with an SMS code, signed in, and (for investors) verified and assessed.
 */
public final class IdentityTestUsers {

  /** Answers that score BALANCED (grades A-C, up to 300,000 CNY). */
  public static final List<Integer> BALANCED = List.of(2, 2, 3, 2, 2, 3, 3, 3, 3, 3);

  /** Answers that score AGGRESSIVE (grades A-E, up to 5,000,000 CNY). */
  public static final List<Integer> AGGRESSIVE = List.of(1, 4, 4, 4, 4, 4, 4, 4, 4, 4);

  /** A signed-in test user. */
  public record TestUser(UUID userId, String phone, String password, String token) {}

  private IdentityTestUsers() {}

  /** A registered user with a bearer token, real name not verified. */
  public static TestUser registered(HttpsClient http, String role) {
    IdentityApi api = new IdentityApi(http);
    String phone = api.registeredUser(role);
    String token = api.token(phone, IdentityApi.PASSWORD);
    JsonNode me = IdentityApi.json(http.getWithToken("/api/v1/me", token).body());
    return new TestUser(
        UUID.fromString(me.get("userId").asString()), phone, IdentityApi.PASSWORD, token);
  }

  /** A registered user whose real name is verified. */
  public static TestUser verified(HttpsClient http, String role) {
    TestUser user = registered(http, role);
    HttpResponse<String> kyc =
        http.postJson(
            "/api/v1/me/identity",
            "{\"realName\":\"测试用户\",\"idNumber\":\"" + IdentityApi.randomIdNumber() + "\"}",
            user.token());
    assertThat(kyc.body()).as("real-name verification").contains("VERIFIED");
    return user;
  }

  /**
   * A verified investor with a questionnaire result from {@code answers} (e.g. {@link #BALANCED}).
   */
  public static TestUser investor(HttpsClient http, List<Integer> answers) {
    TestUser user = verified(http, "INVESTOR");
    String body = answers.toString().replace(" ", "");
    HttpResponse<String> assessed =
        http.postJson("/api/v1/me/risk-assessment", "{\"answers\":" + body + "}", user.token());
    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
    return user;
  }
}
