package com.credence.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.Transfer;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferType;
import com.credence.shared.Currency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checker's rules can fail: each kind of damage is reported. */
class LedgerAuditTest {

  private final AccountId investorId = new AccountId(UUID.randomUUID());
  private final AccountId bankId = new AccountId(UUID.randomUUID());

  @Test
  void aBalancedLedgerPasses() {
    LedgerAudit audit = new LedgerAudit();
    audit.add(matching(investor(0, 100, 0, 0)));
    audit.add(matching(bank(100, 0, 0, 0)));
    audit.pendingResolvedTwice(0);
    LedgerCheckReport report = audit.report(1);
    assertThat(report.balanced()).isTrue();
    assertThat(report.violations()).isEmpty();
    assertThat(report.accounts()).isEqualTo(2);
    assertThat(report.transfers()).isEqualTo(1);
    assertThat(report.sumOfBalancesMinor()).isZero();
  }

  @Test
  void countersThatDifferFromTheTransfersAreReported() {
    LedgerAudit audit = new LedgerAudit();
    audit.add(
        new LedgerAudit.AccountAudit(
            investor(0, 100, 0, 0), new LedgerAudit.Counters(0, 99, 0, 0)));
    audit.add(
        new LedgerAudit.AccountAudit(bank(100, 0, 0, 0), new LedgerAudit.Counters(99, 0, 0, 0)));
    LedgerCheckReport report = audit.report(1);
    assertThat(report.balanced()).isFalse();
    assertThat(report.violations()).hasSize(2).first().asString().contains(investorId.toString());
  }

  @Test
  void postedDebitsThatDifferFromPostedCreditsAreReported() {
    LedgerAudit audit = new LedgerAudit();
    audit.add(matching(investor(0, 100, 0, 0)));
    audit.add(matching(bank(90, 0, 0, 0)));
    LedgerCheckReport report = audit.report(1);
    assertThat(report.balanced()).isFalse();
    assertThat(report.sumOfBalancesMinor()).isEqualTo(10);
    assertThat(report.violations())
        .singleElement()
        .asString()
        .contains("posted debits 90", "posted credits 100");
  }

  @Test
  void pendingDebitsThatDifferFromPendingCreditsAreReported() {
    LedgerAudit audit = new LedgerAudit();
    audit.add(matching(investor(0, 100, 30, 0)));
    audit.add(matching(bank(100, 0, 0, 20)));
    LedgerCheckReport report = audit.report(2);
    assertThat(report.balanced()).isFalse();
    assertThat(report.violations())
        .singleElement()
        .asString()
        .contains("pending debits 30", "pending credits 20");
  }

  @Test
  void aFlaggedAccountBeyondItsLimitIsReported() {
    LedgerAudit audit = new LedgerAudit();
    audit.add(matching(investor(150, 100, 0, 0)));
    audit.add(matching(bank(100, 150, 0, 0)));
    LedgerCheckReport report = audit.report(2);
    assertThat(report.balanced()).isFalse();
    assertThat(report.violations())
        .hasSize(2)
        .allSatisfy(v -> assertThat(v).contains("beyond its limit"));
  }

  @Test
  void aPendingTransferResolvedTwiceIsReported() {
    Transfer pending = transfer(TransferType.PENDING, null);
    List<Transfer> transfers =
        List.of(
            pending,
            transfer(TransferType.POST_PENDING, pending.id()),
            transfer(TransferType.VOID_PENDING, pending.id()));
    assertThat(LedgerAudit.resolvedTwice(transfers)).isEqualTo(1);
    assertThat(LedgerAudit.resolvedTwice(transfers.subList(0, 2))).isZero();
    LedgerAudit audit = new LedgerAudit();
    audit.pendingResolvedTwice(LedgerAudit.resolvedTwice(transfers));
    assertThat(audit.report(3).violations())
        .singleElement()
        .asString()
        .contains("resolved more than once");
  }

  @Test
  void recomputedCountersFollowTheTransferTypes() {
    Transfer pending = transfer(TransferType.PENDING, null);
    Transfer open = transfer(TransferType.PENDING, null);
    Map<AccountId, LedgerAudit.Counters> sums =
        LedgerAudit.recompute(
            List.of(
                transfer(TransferType.SINGLE_PHASE, null),
                pending,
                open,
                transfer(TransferType.POST_PENDING, pending.id())));
    assertThat(sums.get(bankId)).isEqualTo(new LedgerAudit.Counters(20, 0, 10, 0));
    assertThat(sums.get(investorId)).isEqualTo(new LedgerAudit.Counters(0, 20, 0, 10));
  }

  @Test
  void theViolationListIsCappedButTheVerdictIsNot() {
    LedgerAudit audit = new LedgerAudit();
    for (int i = 0; i < LedgerCheckReport.VIOLATIONS_MAX + 5; i++) {
      audit.add(new LedgerAudit.AccountAudit(investor(0, 1, 0, 0), LedgerAudit.Counters.ZERO));
    }
    LedgerCheckReport report = audit.report(0);
    assertThat(report.balanced()).isFalse();
    assertThat(report.violations()).hasSize(LedgerCheckReport.VIOLATIONS_MAX);
  }

  private Transfer transfer(TransferType type, TransferId pendingId) {
    return new Transfer(
        new TransferId(UUID.randomUUID()),
        type,
        bankId,
        investorId,
        10,
        Currency.CNY,
        TransferCode.DEPOSIT,
        pendingId,
        "r",
        LocalDate.of(2026, 11, 25),
        null,
        Instant.EPOCH);
  }

  private AccountState investor(long dp, long cp, long dpe, long cpe) {
    return state(investorId, AccountKind.INVESTOR_FUNDS, dp, cp, dpe, cpe);
  }

  private AccountState bank(long dp, long cp, long dpe, long cpe) {
    return state(bankId, AccountKind.BANK_SETTLEMENT, dp, cp, dpe, cpe);
  }

  private static AccountState state(
      AccountId id, AccountKind kind, long dp, long cp, long dpe, long cpe) {
    return AccountState.opened(id, kind, Currency.CNY).plus(dp, cp, dpe, cpe);
  }

  private static LedgerAudit.AccountAudit matching(AccountState a) {
    return new LedgerAudit.AccountAudit(
        a,
        new LedgerAudit.Counters(
            a.debitsPosted(), a.creditsPosted(), a.debitsPending(), a.creditsPending()));
  }
}
