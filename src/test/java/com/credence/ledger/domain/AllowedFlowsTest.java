package com.credence.ledger.domain;

import static com.credence.ledger.AccountKind.BANK_SETTLEMENT;
import static com.credence.ledger.AccountKind.BORROWER_FUNDS;
import static com.credence.ledger.AccountKind.INVESTOR_FUNDS;
import static com.credence.ledger.AccountKind.LOAN_ESCROW;
import static com.credence.ledger.AccountKind.PLATFORM_FEE_INCOME;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.ledger.AccountKind;
import com.credence.ledger.TransferCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowedFlowsTest {

  @Test
  void investorMoneyGoesOnlyToLoansFeesOtherInvestorsOrTheBank() {
    assertThat(AllowedFlows.allows(INVESTOR_FUNDS, LOAN_ESCROW, TransferCode.INVESTMENT)).isTrue();
    assertThat(AllowedFlows.allows(INVESTOR_FUNDS, INVESTOR_FUNDS, TransferCode.RESALE)).isTrue();
    assertThat(AllowedFlows.allows(INVESTOR_FUNDS, BANK_SETTLEMENT, TransferCode.WITHDRAWAL))
        .isTrue();
    assertThat(AllowedFlows.allows(INVESTOR_FUNDS, BORROWER_FUNDS, TransferCode.INVESTMENT))
        .isFalse();
    assertThat(AllowedFlows.allows(INVESTOR_FUNDS, BORROWER_FUNDS, TransferCode.DISBURSEMENT))
        .isFalse();
  }

  @Test
  void platformReceivesOnlyFeesAndPaysOnlyToTheBank() {
    for (AccountKind payer : AccountKind.values()) {
      for (TransferCode code : TransferCode.values()) {
        boolean allowed = AllowedFlows.allows(payer, PLATFORM_FEE_INCOME, code);
        assertThat(
                !allowed
                    || code == TransferCode.FEE
                    || (payer == BANK_SETTLEMENT && code == TransferCode.REVERSAL))
            .as("%s -> fee income for %s", payer, code)
            .isTrue();
      }
    }
    assertThat(AllowedFlows.allows(PLATFORM_FEE_INCOME, INVESTOR_FUNDS, TransferCode.DISTRIBUTION))
        .isFalse();
    assertThat(AllowedFlows.allows(PLATFORM_FEE_INCOME, LOAN_ESCROW, TransferCode.REPAYMENT))
        .isFalse();
  }

  @Test
  void moneyEntersAndLeavesOnlyThroughTheBankSettlementAccount() {
    assertThat(AllowedFlows.allows(BANK_SETTLEMENT, INVESTOR_FUNDS, TransferCode.DEPOSIT)).isTrue();
    assertThat(AllowedFlows.allows(BANK_SETTLEMENT, LOAN_ESCROW, TransferCode.DEPOSIT)).isFalse();
    assertThat(AllowedFlows.allows(LOAN_ESCROW, BANK_SETTLEMENT, TransferCode.WITHDRAWAL))
        .isFalse();
  }

  @Test
  void reversalIsAllowedExactlyAlongReversedFlows() {
    Set<String> reversed = new HashSet<>();
    for (AllowedFlows.Flow flow : AllowedFlows.table()) {
      reversed.add(flow.credit() + ">" + flow.debit());
    }
    for (AccountKind debit : AccountKind.values()) {
      for (AccountKind credit : AccountKind.values()) {
        assertThat(AllowedFlows.allows(debit, credit, TransferCode.REVERSAL))
            .as("%s -> %s", debit, credit)
            .isEqualTo(reversed.contains(debit + ">" + credit));
      }
    }
  }

  @Test
  void everyOtherCombinationIsRefused() {
    Set<AllowedFlows.Flow> table = new HashSet<>(AllowedFlows.table());
    int allowed = 0;
    for (AccountKind debit : AccountKind.values()) {
      for (AccountKind credit : AccountKind.values()) {
        for (TransferCode code : TransferCode.values()) {
          if (code != TransferCode.REVERSAL) {
            boolean inTable = table.contains(new AllowedFlows.Flow(debit, credit, code));
            assertThat(AllowedFlows.allows(debit, credit, code))
                .as("%s -> %s %s", debit, credit, code)
                .isEqualTo(inTable);
            allowed += inTable ? 1 : 0;
          }
        }
      }
    }
    assertThat(allowed).isEqualTo(14);
  }
}
