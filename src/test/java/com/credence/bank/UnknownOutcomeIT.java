package com.credence.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.bank.domain.OrderKind;
import com.credence.bank.domain.OrderStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnknownOutcomeIT extends BankTestFixture {

  @Test
  void timeoutBecomesUnknownAndTheJanitorResolvesIt() {
    api.behaviour(cardNumber, "TIMEOUT");
    HttpResponse<String> placed = api.deposit(user, "88.00", cardId, "t-1");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
    UUID orderId = UUID.fromString(BankApi.json(placed.body()).get("orderId").asString());
    assertThat(bank.order(user.userId(), OrderKind.DEPOSIT, orderId).status())
        .isEqualTo(OrderStatus.UNKNOWN);
    assertThat(api.status(user, "deposits", orderId.toString())).isEqualTo("PENDING");

    // The bank has it but the customer has not confirmed: the janitor learns it is in progress.
    bank.resolveOpenOrders(Duration.ZERO);
    assertThat(bank.order(user.userId(), OrderKind.DEPOSIT, orderId).status())
        .isEqualTo(OrderStatus.PENDING);

    api.behaviour(cardNumber, "LOSE_CALLBACK");
    api.confirm(orderId.toString());
    api.flush();
    assertThat(api.status(user, "deposits", orderId.toString()))
        .as("callback lost")
        .isEqualTo("PENDING");
    assertThat(api.account(user).get("total").asString()).isEqualTo("0.00");

    assertThat(bank.resolveOpenOrders(Duration.ZERO)).isGreaterThanOrEqualTo(1);
    assertThat(api.status(user, "deposits", orderId.toString())).isEqualTo("SUCCEEDED");
    assertThat(api.account(user).get("total").asString()).isEqualTo("88.00");
    bank.resolveOpenOrders(Duration.ZERO);
    assertThat(api.account(user).get("total").asString()).as("once").isEqualTo("88.00");
  }

  @Test
  void lostWithdrawalCallbackIsPostedByTheJanitor() {
    api.depositAndSettle(user, "200.00", cardId);
    api.behaviour(cardNumber, "LOSE_CALLBACK");
    HttpResponse<String> placed =
        api.withdraw(user, "150.00", cardId, api.withdrawCode(user), "t-2");
    String orderId = BankApi.json(placed.body()).get("orderId").asString();
    api.confirm(orderId);
    api.flush();
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("150.00");
    bank.resolveOpenOrders(Duration.ZERO);
    assertThat(api.status(user, "withdrawals", orderId)).isEqualTo("SUCCEEDED");
    assertThat(api.account(user).get("total").asString()).isEqualTo("50.00");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("0.00");
  }

  @Test
  void bankDownOnAWithdrawalReleasesTheFreeze() {
    api.depositAndSettle(user, "80.00", cardId);
    api.behaviour(cardNumber, "DOWN");
    HttpResponse<String> r = api.withdraw(user, "50.00", cardId, api.withdrawCode(user), "t-3");
    DepositIT.assertProblem(r, 503, "BANK_UNAVAILABLE");
    assertThat(api.account(user).get("available").asString()).isEqualTo("80.00");
    assertThat(api.account(user).get("frozen").asString()).isEqualTo("0.00");
  }
}
