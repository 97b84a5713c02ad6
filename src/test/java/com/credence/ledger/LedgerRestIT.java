package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.Currency;
import com.credence.shared.Money;
import com.credence.support.IntegrationTestBase;
import com.credence.support.TestSupportConfiguration;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The ledger's HTTP API: the staff check and the caller's statement. */
class LedgerRestIT extends IntegrationTestBase {

  /** The user behind INVESTOR_TOKEN in the test support configuration. */
  private static final UUID INVESTOR = UUID.fromString("00000000-0000-7000-8000-000000000001");

  @Autowired LedgerService ledger;

  @Autowired Clock clock;

  @Test
  void staffRunTheLedgerCheck() {
    HttpResponse<String> response =
        http.getWithToken("/api/v1/admin/ledger/check", TestSupportConfiguration.ADMIN_TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response.body());
    assertThat(body.get("balanced").asBoolean()).isTrue();
    assertThat(body.get("sumOfBalances").asString()).isEqualTo("0.00");
    assertThat(body.get("accounts").isIntegralNumber()).isTrue();
    assertThat(body.get("transfers").isIntegralNumber()).isTrue();
  }

  @Test
  void investorsMayNotRunTheLedgerCheck() {
    HttpResponse<String> response =
        http.getWithToken("/api/v1/admin/ledger/check", TestSupportConfiguration.INVESTOR_TOKEN);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response.body()).get("code").asString()).isEqualTo("FORBIDDEN");
  }

  @Test
  void theCallerSeesTheLinesOfItsOwnAccounts() {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    AccountId mine = ledger.openAccount(AccountKind.INVESTOR_FUNDS, INVESTOR, Currency.CNY);
    String reference = "deposit-" + UUID.randomUUID();
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            bank,
            mine,
            Money.cny(1_234_56),
            TransferCode.DEPOSIT,
            reference));
    HttpResponse<String> response =
        http.getWithToken(
            "/api/v1/me/statement?page=0&size=5", TestSupportConfiguration.INVESTOR_TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response.body());
    JsonNode first = body.get("items").get(0);
    assertThat(first.get("reference").asString()).isEqualTo(reference);
    assertThat(first.get("amount").asString()).isEqualTo("1234.56");
    assertThat(first.get("direction").asString()).isEqualTo("CREDIT");
    assertThat(first.get("code").asString()).isEqualTo("DEPOSIT");
    assertThat(body.get("page").asInt()).isZero();
    assertThat(body.get("size").asInt()).isEqualTo(5);
    assertThat(body.get("total").asLong()).isPositive();
    assertThat(body.get("balances").get(0).get("currency").asString()).isEqualTo("CNY");
    assertThat(body.get("balances").get(0).get("total").asString()).matches("\\d+\\.\\d{2}");
  }

  @Test
  void anotherUsersLinesAreNotInTheStatement() {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    AccountId theirs =
        ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    String reference = "theirs-" + UUID.randomUUID();
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            bank,
            theirs,
            Money.cny(1_00),
            TransferCode.DEPOSIT,
            reference));
    HttpResponse<String> response =
        http.getWithToken("/api/v1/me/statement?size=100", TestSupportConfiguration.INVESTOR_TOKEN);
    assertThat(response.body()).doesNotContain(reference);
  }

  @Test
  void anOversizedPageIsAValidationError() {
    HttpResponse<String> response =
        http.getWithToken(
            "/api/v1/me/statement?size=1000", TestSupportConfiguration.INVESTOR_TOKEN);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).get("code").asString()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void theStatementNeedsAToken() {
    assertThat(http.get("/api/v1/me/statement").statusCode()).isEqualTo(401);
  }
}
