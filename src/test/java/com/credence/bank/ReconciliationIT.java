package com.credence.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.bank.domain.Reconciler;
import com.credence.bank.sim.SimulatedBank;
import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.ledger.LedgerChecker;
import com.credence.shared.BusinessCalendar;
import com.credence.support.IntegrationTestBase;
import com.credence.support.TestSupportConfiguration;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReconciliationIT extends IntegrationTestBase {

  @Autowired LedgerChecker checker;
  @Autowired BankReconciliation reconciliation;
  @Autowired SimulatedBank simulatedBank;
  @Autowired Clock clock;

  @Test
  void findsAPlantedDifferenceAndBlocksTheCloseUntilResolved() {
    BankApi api = new BankApi(http, dataDir, clock);
    TestUser user = IdentityTestUsers.verified(http, "INVESTOR");
    String cardId = api.bindCard(user, BankApi.newCardNumber());
    String orderId = api.depositAndSettle(user, "400.00", cardId);
    LocalDate today = BusinessCalendar.today(clock);
    String accountNo = simulatedBank.accountOf(user.userId()).orElseThrow();

    ReconciliationView before = reconciliation.reconcile(today);
    assertThat(before.differences())
        .as("the user's genuine deposit matches")
        .noneMatch(d -> d.reference().equals(orderId) || d.reference().equals(accountNo));

    simulatedBank.plantAdjustment(accountNo, "ADJ-" + orderId, 12_34, today);
    ReconciliationView after = reconciliation.reconcile(today);
    assertThat(after.status()).isEqualTo("DIFFERENCES");
    assertThat(after.differences())
        .anyMatch(
            d ->
                d.kind() == Reconciler.DifferenceKind.MISSING_AT_PLATFORM
                    && d.reference().equals("ADJ-" + orderId)
                    && Long.valueOf(12_34).equals(d.bankMinor()))
        .anyMatch(
            d ->
                d.kind() == Reconciler.DifferenceKind.BALANCE_MISMATCH
                    && d.reference().equals(accountNo)
                    && Long.valueOf(40_000 + 12_34).equals(d.bankMinor())
                    && Long.valueOf(40_000).equals(d.platformMinor()));
    assertThat(reconciliation.closeBlocked(today)).isTrue();

    HttpResponse<String> shown =
        http.getWithToken(
            "/api/v1/admin/bank/reconciliations/" + today, TestSupportConfiguration.ADMIN_TOKEN);
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    assertThat(shown.body()).contains("ADJ-" + orderId).contains("DIFFERENCES");
    HttpResponse<String> forbidden =
        http.getWithToken(
            "/api/v1/admin/bank/reconciliations/" + today, TestSupportConfiguration.INVESTOR_TOKEN);
    assertThat(forbidden.statusCode()).isEqualTo(403);

    HttpResponse<String> resolved =
        http.postJson(
            "/api/v1/admin/bank/reconciliations/" + today + "/resolve",
            "{\"resolution\":\"Bank correction booked by the bank; reversed with the bank\"}",
            TestSupportConfiguration.ADMIN_TOKEN);
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    assertThat(reconciliation.closeBlocked(today)).isFalse();
    assertThat(checker.check().balanced()).isTrue();
  }
}
