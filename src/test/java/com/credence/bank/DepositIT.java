package com.credence.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DepositIT extends BankTestFixture {

  @Test
  void depositSucceedsAfterConfirmationAndCallback() {
    HttpResponse<String> placed = api.deposit(user, "1000.50", cardId, "dep-1");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
    String orderId = BankApi.json(placed.body()).get("orderId").asString();
    assertThat(BankApi.json(placed.body()).get("status").asString()).isEqualTo("PENDING");
    assertThat(BankApi.json(placed.body()).get("confirmUrl").asString())
        .isEqualTo("/sim/bank/confirm/" + orderId);
    assertThat(api.status(user, "deposits", orderId)).isEqualTo("PENDING");
    assertThat(api.account(user).get("total").asString()).isEqualTo("0.00");

    api.confirm(orderId);
    assertThat(api.status(user, "deposits", orderId)).as("asynchronous").isEqualTo("PENDING");
    api.flush();

    assertThat(api.status(user, "deposits", orderId)).isEqualTo("SUCCEEDED");
    assertThat(api.account(user).get("available").asString()).isEqualTo("1000.50");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("0.00");
    assertThat(api.account(user).get("total").asString()).isEqualTo("1000.50");
    assertThat(api.account(user).get("currency").asString()).isEqualTo("CNY");
  }

  @Test
  void declinedDepositFailsAndMovesNothing() {
    api.behaviour(cardNumber, "DECLINE");
    String orderId = api.depositAndSettle(user, "300.00", cardId);
    assertThat(api.status(user, "deposits", orderId)).isEqualTo("FAILED");
    assertThat(api.account(user).get("total").asString()).isEqualTo("0.00");
  }

  @Test
  void idempotencyKeyReplaysAndRefusesAnotherBody() {
    HttpResponse<String> first = api.deposit(user, "10.00", cardId, "same-key");
    HttpResponse<String> again = api.deposit(user, "10.00", cardId, "same-key");
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(BankApi.json(again.body()).get("orderId").asString())
        .isEqualTo(BankApi.json(first.body()).get("orderId").asString());
    HttpResponse<String> other = api.deposit(user, "11.00", cardId, "same-key");
    assertProblem(other, 409, "IDEMPOTENCY_KEY_REUSED");
    assertProblem(api.deposit(user, "10.00", cardId, null), 400, "IDEMPOTENCY_KEY_REQUIRED");
    assertProblem(
        api.deposit(user, "10.00", cardId, "k".repeat(65)), 400, "IDEMPOTENCY_KEY_REQUIRED");

    api.confirm(BankApi.json(first.body()).get("orderId").asString());
    api.flush();
    assertThat(api.account(user).get("total").asString()).isEqualTo("10.00");
  }

  @Test
  void badAmountsAndOthersCardsAreRefused() {
    for (String amount : List.of("0", "0.00", "-5.00", "1.001", "abc", "1e3", "")) {
      assertProblem(
          api.deposit(user, amount, cardId, UUID.randomUUID().toString()), 400, "INVALID_AMOUNT");
    }
    TestUser other = IdentityTestUsers.verified(http, "INVESTOR");
    assertProblem(api.deposit(other, "10.00", cardId, "k1"), 404, "CARD_NOT_FOUND");
    assertProblem(
        api.deposit(user, "10.00", UUID.randomUUID().toString(), "k2"), 404, "CARD_NOT_FOUND");
  }

  @Test
  void othersOrdersAreNotFound() {
    HttpResponse<String> placed = api.deposit(user, "10.00", cardId, "mine");
    String orderId = BankApi.json(placed.body()).get("orderId").asString();
    TestUser other = IdentityTestUsers.verified(http, "INVESTOR");
    HttpResponse<String> r = http.getWithToken("/api/v1/deposits/" + orderId, other.token());
    assertThat(r.statusCode()).isEqualTo(404);
  }

  @Test
  void bindingACardNeedsARealName() {
    TestUser unverified = IdentityTestUsers.registered(http, "INVESTOR");
    HttpResponse<String> r =
        http.postJson(
            "/api/v1/me/bank-cards",
            "{\"cardNumber\":\""
                + BankApi.newCardNumber()
                + "\",\"reservedPhone\":\""
                + unverified.phone()
                + "\"}",
            unverified.token());
    assertProblem(r, 403, "KYC_REQUIRED");
    HttpResponse<String> bad =
        http.postJson(
            "/api/v1/me/bank-cards",
            "{\"cardNumber\":\"6222020000000000001\",\"reservedPhone\":\"" + user.phone() + "\"}",
            user.token());
    assertProblem(bad, 400, "CARD_NUMBER_INVALID");
  }

  @Test
  void duplicateCallbackAppliesOnce() {
    String orderId = api.depositAndSettle(user, "50.00", cardId);
    String body = api.callbackBody(orderId, "DEPOSIT", "SUCCEEDED", "50.00");
    HttpResponse<String> repeat = api.signedCallback(body);
    assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
    assertThat(repeat.body()).contains("ALREADY_SETTLED");
    HttpResponse<String> contradicting =
        api.signedCallback(api.callbackBody(orderId, "DEPOSIT", "FAILED", "50.00"));
    assertThat(contradicting.body()).contains("ALREADY_SETTLED");
    assertThat(api.account(user).get("total").asString()).isEqualTo("50.00");
    assertThat(api.status(user, "deposits", orderId)).isEqualTo("SUCCEEDED");
  }

  @Test
  void sameCallbackFromManyThreadsAppliesOnce() throws Exception {
    HttpResponse<String> placed = api.deposit(user, "70.00", cardId, "threads");
    String orderId = BankApi.json(placed.body()).get("orderId").asString();
    String body = api.callbackBody(orderId, "DEPOSIT", "SUCCEEDED", "70.00");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(() -> api.signedCallback(body).statusCode());
      }
      for (Future<Integer> f : pool.invokeAll(calls)) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(api.account(user).get("total").asString()).isEqualTo("70.00");
  }

  @Test
  void badSignatureReplayLateAndUnknownOrderAreRefused() {
    HttpResponse<String> placed = api.deposit(user, "20.00", cardId, "sig");
    String orderId = BankApi.json(placed.body()).get("orderId").asString();
    String body = api.callbackBody(orderId, "DEPOSIT", "SUCCEEDED", "20.00");
    long now = clock.instant().getEpochSecond();

    assertProblem(api.callback(body, now, "n", null), 401, "SIGNATURE_INVALID");
    String nonce = UUID.randomUUID().toString();
    String good = api.signature().sign(now, nonce, body);
    String tampered = body.replace("20.00", "2000.00");
    assertProblem(api.callback(tampered, now, nonce, good), 401, "SIGNATURE_INVALID");
    assertProblem(
        api.callback(body, now, nonce, good.substring(0, 60) + "0000"), 401, "SIGNATURE_INVALID");

    long late = now - 3600;
    String lateNonce = UUID.randomUUID().toString();
    assertProblem(
        api.callback(body, late, lateNonce, api.signature().sign(late, lateNonce, body)),
        401,
        "CALLBACK_LATE");

    String unknown =
        api.callbackBody(UUID.randomUUID().toString(), "DEPOSIT", "SUCCEEDED", "20.00");
    assertProblem(api.signedCallback(unknown), 404, "ORDER_UNKNOWN");

    assertThat(api.account(user).get("total").asString()).isEqualTo("0.00");
    HttpResponse<String> first = api.callback(body, now, nonce, good);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertProblem(api.callback(body, now, nonce, good), 409, "CALLBACK_REPLAYED");
    assertThat(api.account(user).get("total").asString()).isEqualTo("20.00");
  }

  @Test
  void bankDownFailsTheOrderWithA503() {
    api.behaviour(cardNumber, "DOWN");
    HttpResponse<String> r = api.deposit(user, "10.00", cardId, "down");
    assertProblem(r, 503, "BANK_UNAVAILABLE");
    assertThat(api.account(user).get("total").asString()).isEqualTo("0.00");
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(BankApi.json(r.body()).get("code").asString()).as(r.body()).isEqualTo(code);
  }
}
