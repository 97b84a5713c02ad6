package com.credence.bank;

import static com.credence.bank.DepositIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.shared.ProblemException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WithdrawalIT extends BankTestFixture {

  @Test
  void withdrawalFreezesAtOnceAndPostsOnSuccess() {
    api.depositAndSettle(user, "1000.00", cardId);
    HttpResponse<String> placed =
        api.withdraw(user, "300.00", cardId, api.withdrawCode(user), "w-1");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
    String orderId = BankApi.json(placed.body()).get("orderId").asString();
    assertThat(api.account(user).get("available").asString()).isEqualTo("700.00");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("300.00");
    assertThat(api.account(user).get("total").asString()).isEqualTo("1000.00");

    HttpResponse<String> replay = api.withdraw(user, "300.00", cardId, "000000", "w-1");
    assertThat(replay.statusCode()).as("replay needs no new code").isEqualTo(202);
    assertThat(BankApi.json(replay.body()).get("orderId").asString()).isEqualTo(orderId);
    assertProblem(
        api.withdraw(user, "301.00", cardId, "000000", "w-1"), 409, "IDEMPOTENCY_KEY_REUSED");

    api.confirm(orderId);
    api.flush();
    assertThat(api.status(user, "withdrawals", orderId)).isEqualTo("SUCCEEDED");
    assertThat(api.account(user).get("available").asString()).isEqualTo("700.00");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("0.00");
    assertThat(api.account(user).get("total").asString()).isEqualTo("700.00");
  }

  @Test
  void declinedWithdrawalReleasesTheFreeze() {
    api.depositAndSettle(user, "500.00", cardId);
    api.behaviour(cardNumber, "DECLINE");
    HttpResponse<String> placed =
        api.withdraw(user, "200.00", cardId, api.withdrawCode(user), "w-2");
    String orderId = BankApi.json(placed.body()).get("orderId").asString();
    api.confirm(orderId);
    api.flush();
    assertThat(api.status(user, "withdrawals", orderId)).isEqualTo("FAILED");
    assertThat(api.account(user).get("available").asString()).isEqualTo("500.00");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("0.00");
  }

  @Test
  void refusalsMoveNothing() {
    api.depositAndSettle(user, "100.00", cardId);
    assertProblem(api.withdraw(user, "10.00", cardId, "000000", "r-1"), 400, "SMS_CODE_INVALID");
    assertProblem(api.withdraw(user, "100.01", cardId, "000000", "r-2"), 422, "INSUFFICIENT_FUNDS");
    for (String amount : List.of("0", "-1.00", "1.234")) {
      assertProblem(api.withdraw(user, amount, cardId, "000000", "r-3"), 400, "INVALID_AMOUNT");
    }
    TestUser other = IdentityTestUsers.verified(http, "INVESTOR");
    String othersCard = api.bindCard(other, BankApi.newCardNumber());
    assertProblem(api.withdraw(user, "10.00", othersCard, "000000", "r-4"), 404, "CARD_NOT_FOUND");
    assertProblem(
        api.withdraw(user, "10.00", cardId, "000000", null), 400, "IDEMPOTENCY_KEY_REQUIRED");
    assertThat(api.account(user).get("available").asString()).isEqualTo("100.00");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("0.00");
  }

  @Test
  void dailyLimitCountsTodaysWithdrawals() {
    api.depositAndSettle(user, "60000.00", cardId);
    assertProblem(
        api.withdraw(user, "50000.01", cardId, "000000", "l-1"), 422, "DAILY_LIMIT_EXCEEDED");
    HttpResponse<String> first =
        api.withdraw(user, "30000.00", cardId, api.withdrawCode(user), "l-2");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertProblem(
        api.withdraw(user, "20000.01", cardId, "000000", "l-3"), 422, "DAILY_LIMIT_EXCEEDED");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("30000.00");
  }

  @Test
  void concurrentWithdrawalsNeverOverdraw() throws Exception {
    api.depositAndSettle(user, "100.00", cardId);
    UUID card = UUID.fromString(cardId);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> outcomes = new ArrayList<>();
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String key = "c-" + i;
        calls.add(
            () -> {
              try {
                return bank.placeVerifiedWithdrawal(user.userId(), "30.00", card, key)
                    .status()
                    .name();
              } catch (ProblemException e) {
                return e.code();
              }
            });
      }
      for (Future<String> f : pool.invokeAll(calls)) {
        outcomes.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(outcomes).filteredOn("PENDING"::equals).hasSize(3);
    assertThat(outcomes).filteredOn("INSUFFICIENT_FUNDS"::equals).hasSize(5);
    assertThat(api.account(user).get("available").asString()).isEqualTo("10.00");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("90.00");
  }
}
