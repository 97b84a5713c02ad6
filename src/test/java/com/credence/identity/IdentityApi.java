package com.credence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.domain.ResidentIdNumber;
import com.credence.support.HttpsClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers that drive the identity API over HTTPS, as an app would. */
final class IdentityApi {

  static final String PASSWORD = "Lend-safely-2026"; // secrets-scan:allow (throwaway test users)
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpsClient http;

  IdentityApi(HttpsClient http) {
    this.http = http;
  }

  /**
   * Draws for phone numbers and ID numbers: a random start, then one step each, so that numbers
   * never repeat within a JVM (random draws did, by the birthday paradox, once a benchmark made
   * 20,000 investors) while two runs against one database rarely meet.
   */
  private static final AtomicLong PHONES =
      new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000));

  /** Birth dates from 1960 for 40 years, 998 sequence numbers each (never 999). */
  private static final long ID_NUMBER_SPACE = 40L * 365 * 998;

  private static final AtomicLong ID_NUMBERS =
      new AtomicLong(ThreadLocalRandom.current().nextLong(ID_NUMBER_SPACE));

  /** A mobile number 139xxxxxxxx, never the same twice in a JVM. */
  static String randomPhone() {
    return "139" + String.format("%08d", PHONES.getAndIncrement() % 100_000_000);
  }

  /** A valid ID number of an adult born from 1960 to 1999, never the same twice in a JVM. */
  static String randomIdNumber() {
    long n = ID_NUMBERS.getAndIncrement() % ID_NUMBER_SPACE;
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 998);
    return ResidentIdNumber.compose("110105", birth, (int) (n % 998));
  }

  static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  HttpResponse<String> requestCode(String phone, String purpose) {
    return http.postJson(
        "/api/v1/auth/sms-codes",
        "{\"phone\":\"" + phone + "\",\"purpose\":\"" + purpose + "\"}",
        null);
  }

  /** The newest code the simulated gateway holds for the phone and purpose. */
  String latestCode(String phone, String purpose) {
    HttpResponse<String> inbox = http.get("/api/v1/sim/sms?phone=" + phone);
    assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
    for (JsonNode message : json(inbox.body())) {
      if (message.get("purpose").asString().equals(purpose)) {
        return message.get("code").asString();
      }
    }
    throw new AssertionError("No " + purpose + " code for " + phone + ": " + inbox.body());
  }

  HttpResponse<String> register(String phone, String code, String password, String role) {
    return http.postJson(
        "/api/v1/auth/register",
        "{\"phone\":\""
            + phone
            + "\",\"smsCode\":\""
            + code
            + "\",\"password\":\""
            + password
            + "\",\"role\":\""
            + role
            + "\"}",
        null);
  }

  /** Registers a new user with a fresh phone and returns the phone. */
  String registeredUser(String role) {
    String phone = randomPhone();
    assertThat(requestCode(phone, "REGISTER").statusCode()).isEqualTo(202);
    HttpResponse<String> registered =
        register(phone, latestCode(phone, "REGISTER"), PASSWORD, role);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return phone;
  }

  HttpResponse<String> tokens(String phone, String password) {
    return http.postJson(
        "/api/v1/auth/tokens",
        "{\"phone\":\"" + phone + "\",\"password\":\"" + password + "\"}",
        null);
  }

  HttpResponse<String> tokensWithTotp(String phone, String password, String totp) {
    return http.postJson(
        "/api/v1/auth/tokens",
        "{\"phone\":\"" + phone + "\",\"password\":\"" + password + "\",\"totp\":\"" + totp + "\"}",
        null);
  }

  String token(String phone, String password) {
    HttpResponse<String> response = tokens(phone, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body()).get("accessToken").asString();
  }

  static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response.body());
    assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
    return problem;
  }
}
