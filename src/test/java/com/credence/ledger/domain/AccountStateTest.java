package com.credence.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.shared.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountStateTest {

  @Test
  void customerAccountsKeepDebitsAndPendingDebitsWithinCredits() {
    AccountState investor = opened(AccountKind.INVESTOR_FUNDS).plus(0, 100, 0, 0);
    assertThat(investor.plus(60, 0, 40, 0).withinLimits()).isTrue();
    assertThat(investor.plus(60, 0, 41, 0).withinLimits()).isFalse();
    assertThat(investor.plus(101, 0, 0, 0).withinLimits()).isFalse();
  }

  @Test
  void theBankSettlementAccountKeepsCreditsAndPendingCreditsWithinDebits() {
    AccountState bank = opened(AccountKind.BANK_SETTLEMENT).plus(100, 0, 0, 0);
    assertThat(bank.plus(0, 60, 0, 40).withinLimits()).isTrue();
    assertThat(bank.plus(0, 60, 0, 41).withinLimits()).isFalse();
    assertThat(bank.plus(0, 101, 0, 0).withinLimits()).isFalse();
    assertThat(bank.plus(0, 0, 1_000, 0).withinLimits())
        .as("pending debits do not limit it")
        .isTrue();
  }

  @Test
  void negativeCountersAreDetected() {
    AccountState a = opened(AccountKind.LOAN_ESCROW);
    assertThat(a.countersNonNegative()).isTrue();
    assertThat(a.plus(-1, 0, 0, 0).countersNonNegative()).isFalse();
    assertThat(a.plus(0, -1, 0, 0).countersNonNegative()).isFalse();
    assertThat(a.plus(0, 0, -1, 0).countersNonNegative()).isFalse();
    assertThat(a.plus(0, 0, 0, -1).countersNonNegative()).isFalse();
  }

  @Test
  void countersRefuseToOverflow() {
    AccountState a = opened(AccountKind.LOAN_ESCROW).plus(0, Long.MAX_VALUE, 0, 0);
    assertThatThrownBy(() -> a.plus(0, 1, 0, 0)).isInstanceOf(ArithmeticException.class);
  }

  private static AccountState opened(AccountKind kind) {
    return AccountState.opened(new AccountId(UUID.randomUUID()), kind, Currency.CNY);
  }
}
