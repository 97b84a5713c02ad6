package com.credence.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.bank.domain.CallbackSignature;
import com.credence.bank.domain.Cards;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.shared.BusinessCalendar;
import com.credence.support.HttpsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bank's API as a client uses it, for the integration tests. */
public final class BankApi {

  static final String PASSWORD = "135790";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpsClient http;
  private final Path dataDir;
  private final Clock clock;

  public BankApi(HttpsClient http, Path dataDir, Clock clock) {
    this.http = http;
    this.dataDir = dataDir;
    this.clock = clock;
  }

  static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  /** A fresh, valid (Luhn) 19-digit card number of the ICBC BIN. */
  public static String newCardNumber() {
    StringBuilder payload = new StringBuilder("622202");
    for (int i = 0; i < 12; i++) {
      payload.append(RANDOM.nextInt(10));
    }
    return payload.toString() + Cards.checkDigit(payload.toString());
  }

  public String bindCard(TestUser user, String cardNumber) {
    HttpResponse<String> r =
        http.postJson(
            "/api/v1/me/bank-cards",
            "{\"cardNumber\":\"" + cardNumber + "\",\"reservedPhone\":\"" + user.phone() + "\"}",
            user.token());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r.body()).get("cardId").asString();
  }

  HttpResponse<String> post(String path, String body, String token, String key) {
    HttpRequest.Builder b =
        http.request(path)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return http.send(b);
  }

  HttpResponse<String> deposit(TestUser user, String amount, String cardId, String key) {
    return post(
        "/api/v1/deposits",
        "{\"amount\":\"" + amount + "\",\"cardId\":\"" + cardId + "\"}",
        user.token(),
        key);
  }

  HttpResponse<String> withdraw(
      TestUser user, String amount, String cardId, String smsCode, String key) {
    return post(
        "/api/v1/withdrawals",
        "{\"amount\":\""
            + amount
            + "\",\"cardId\":\""
            + cardId
            + "\",\"smsCode\":\""
            + smsCode
            + "\"}",
        user.token(),
        key);
  }

  /** Places a deposit, confirms it at the bank and lets the bank answer. */
  public String depositAndSettle(TestUser user, String amount, String cardId) {
    HttpResponse<String> placed = deposit(user, amount, cardId, UUID.randomUUID().toString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
    String orderId = json(placed.body()).get("orderId").asString();
    confirm(orderId);
    flush();
    return orderId;
  }

  HttpResponse<String> confirm(String orderId) {
    HttpResponse<String> r =
        http.postJson(
            "/api/v1/sim/bank/orders/" + orderId + "/confirm",
            "{\"password\":\"" + PASSWORD + "\"}",
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r;
  }

  void flush() {
    HttpResponse<String> r = http.postJson("/api/v1/sim/bank/callbacks/flush", "{}", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  void behaviour(String cardNumber, String behaviour) {
    HttpResponse<String> r =
        http.postJson(
            "/api/v1/sim/bank/behaviours",
            "{\"cardNumber\":\"" + cardNumber + "\",\"behaviour\":\"" + behaviour + "\"}",
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  String status(TestUser user, String kind, String orderId) {
    HttpResponse<String> r = http.getWithToken("/api/v1/" + kind + "/" + orderId, user.token());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body()).get("status").asString();
  }

  JsonNode account(TestUser user) {
    HttpResponse<String> r = http.getWithToken("/api/v1/me/account", user.token());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  /** A fresh WITHDRAW code sent to the user's phone. */
  String withdrawCode(TestUser user) {
    HttpResponse<String> sent =
        http.postJson(
            "/api/v1/auth/sms-codes",
            "{\"phone\":\"" + user.phone() + "\",\"purpose\":\"WITHDRAW\"}",
            null);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    HttpResponse<String> inbox = http.get("/api/v1/sim/sms?phone=" + user.phone());
    for (JsonNode message : json(inbox.body())) {
      if (message.get("purpose").asString().equals("WITHDRAW")) {
        return message.get("code").asString();
      }
    }
    throw new AssertionError("No WITHDRAW code: " + inbox.body());
  }

  /** The shared callback secret the simulated bank signs with. */
  CallbackSignature signature() {
    try {
      String text =
          Files.readString(
              dataDir.resolve("bank").resolve("callback-secret"), StandardCharsets.UTF_8);
      return new CallbackSignature(Base64.getDecoder().decode(text.trim()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String callbackBody(String orderId, String kind, String status, String amount) {
    return "{\"orderId\":\""
        + orderId
        + "\",\"kind\":\""
        + kind
        + "\",\"status\":\""
        + status
        + "\",\"amount\":\""
        + amount
        + "\",\"businessDate\":\""
        + BusinessCalendar.today(clock)
        + "\"}";
  }

  HttpResponse<String> callback(String body, long timestamp, String nonce, String signature) {
    HttpRequest.Builder b =
        http.request("/api/v1/bank/callbacks")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signature != null) {
      b.header("X-Bank-Timestamp", Long.toString(timestamp))
          .header("X-Bank-Nonce", nonce)
          .header("X-Bank-Signature", signature);
    }
    return http.send(b);
  }

  /** A correctly signed callback, sent now with a fresh nonce. */
  HttpResponse<String> signedCallback(String body) {
    long now = clock.instant().getEpochSecond();
    String nonce = UUID.randomUUID().toString();
    return callback(body, now, nonce, signature().sign(now, nonce, body));
  }
}
