package com.credence.bank.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class WithdrawalLimitTest {

  private final WithdrawalLimit limit = new WithdrawalLimit(5_000_000);

  @Test
  void boundaryIsInclusive() {
    assertThat(limit.allows(0, 5_000_000)).isTrue();
    assertThat(limit.allows(0, 5_000_001)).isFalse();
    assertThat(limit.allows(3_000_000, 2_000_000)).isTrue();
    assertThat(limit.allows(3_000_000, 2_000_001)).isFalse();
    assertThat(limit.allows(5_000_000, 1)).isFalse();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new WithdrawalLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limit.allows(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limit.allows(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A day's accepted withdrawals never add up to more than the limit, whatever the sequence. */
  @RepeatedTest(200)
  void acceptedWithdrawalsStayWithinTheLimit() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    long sum = 0;
    for (int i = 0; i < 50; i++) {
      long amount = 1 + (long) random.nextInt(2_000_000);
      if (limit.allows(sum, amount)) {
        sum += amount;
      } else {
        assertThat(sum + amount).as("seed %d", seed).isGreaterThan(5_000_000);
      }
      assertThat(sum).as("seed %d", seed).isLessThanOrEqualTo(5_000_000);
    }
  }
}
