package com.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.IntegrationTestBase;
import com.credence.support.TestSupportConfiguration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every kind of API error answers problem+json with the right status and a stable code. */
class ApiErrorContractIT extends IntegrationTestBase {

  private static final String TOKEN = TestSupportConfiguration.INVESTOR_TOKEN;

  @Test
  void validRequestPassesTheProbe() {
    HttpResponse<String> response = http.postJson("/api/v1/test-probe", "{\"name\":\"ok\"}", TOKEN);
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(json(response.body()).get("name").asString()).isEqualTo("ok");
  }

  @Test
  void missingTokenIsUnauthenticated() {
    assertProblem(
        http.postJson("/api/v1/test-probe", "{\"name\":\"ok\"}", null), 401, "UNAUTHENTICATED");
  }

  @Test
  void unknownTokenIsUnauthenticated() {
    assertProblem(http.getWithToken("/api/v1/me", "not-a-real-token"), 401, "UNAUTHENTICATED");
  }

  @Test
  void nonStaffOnAdminPathIsForbidden() {
    assertProblem(http.getWithToken("/api/v1/admin/anything", TOKEN), 403, "FORBIDDEN");
  }

  @Test
  void unknownPathIsNotFound() {
    HttpResponse<String> response = http.getWithToken("/api/v1/no-such-thing", TOKEN);
    JsonNode problem = assertProblem(response, 404, "NOT_FOUND");
    assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
  }

  @Test
  void unknownPublicPathIsNotFoundWithoutToken() {
    assertProblem(http.get("/api/v1/auth/no-such-thing"), 404, "NOT_FOUND");
  }

  @Test
  void wrongMethodIsMethodNotAllowed() {
    assertProblem(http.getWithToken("/api/v1/test-probe", TOKEN), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void wrongMediaTypeIsUnsupported() {
    HttpResponse<String> response =
        http.send(
            http.request("/api/v1/test-probe")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=ok")));
    assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void malformedJsonIsRejected() {
    assertProblem(http.postJson("/api/v1/test-probe", "{\"name\": ", TOKEN), 400, "MALFORMED_JSON");
  }

  @Test
  void wrongJsonTypeIsRejected() {
    assertProblem(http.postJson("/api/v1/test-probe", "[1,2,3]", TOKEN), 400, "MALFORMED_JSON");
  }

  @Test
  void invalidFieldsAreListed() {
    JsonNode problem =
        assertProblem(
            http.postJson("/api/v1/test-probe", "{\"name\":\"\"}", TOKEN),
            400,
            "VALIDATION_FAILED");
    assertThat(problem.get("errors")).hasSize(1);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
  }

  @Test
  void oversizedDeclaredBodyIsRefused() {
    String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
    assertProblem(http.postJson("/api/v1/test-probe", big, TOKEN), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void oversizedChunkedBodyIsRefused() {
    byte[] big =
        ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // A publisher of unknown length makes the client send the body chunked, with no Content-Length.
    HttpRequest.BodyPublisher chunked =
        HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(big));
    HttpResponse<String> response =
        http.send(
            http.request("/api/v1/test-probe")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(chunked));
    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void unexpectedFailureIsA500WithoutInternals() {
    HttpResponse<String> response =
        http.postJson("/api/v1/test-probe", "{\"name\":\"boom\"}", TOKEN);
    assertProblem(response, 500, "INTERNAL_ERROR");
    assertThat(response.body()).doesNotContain("probe failure").doesNotContain("IllegalState");
  }

  @Test
  void problemCarriesTheRequestIdOfTheResponse() {
    HttpResponse<String> response =
        http.send(
            http.request("/api/v1/no-such-thing")
                .header("Authorization", "Bearer " + TOKEN)
                .header("X-Request-Id", "client-chosen-id-42")
                .GET());
    JsonNode problem = assertProblem(response, 404, "NOT_FOUND");
    assertThat(problem.get("requestId").asString()).isEqualTo("client-chosen-id-42");
    assertThat(response.headers().firstValue("X-Request-Id")).contains("client-chosen-id-42");
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asString()).isEqualTo(code);
    assertThat(problem.get("type").asString()).startsWith("/problems/");
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("at com.");
    assertThat(problem.get("requestId").asString()).isNotBlank();
    return problem;
  }
}
