package com.credence.investment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeadlineOutcomeTest {

  @Test
  void failsWhenThePartialLoanIsNotAllowed() {
    assertThat(DeadlineOutcome.of(9_999, 10_000, false, 5_000)).isEqualTo(DeadlineOutcome.FAIL);
  }

  @Test
  void failsWhenNothingWasRaised() {
    assertThat(DeadlineOutcome.of(0, 10_000, true, 1)).isEqualTo(DeadlineOutcome.FAIL);
  }

  @Test
  void fundsAPartialLoanFromTheShareOn() {
    assertThat(DeadlineOutcome.of(5_000, 10_000, true, 5_000))
        .isEqualTo(DeadlineOutcome.FUND_PARTIAL);
    assertThat(DeadlineOutcome.of(4_999, 10_000, true, 5_000)).isEqualTo(DeadlineOutcome.FAIL);
    assertThat(DeadlineOutcome.of(10_000, 10_000, true, 10_000))
        .isEqualTo(DeadlineOutcome.FUND_PARTIAL);
    assertThat(DeadlineOutcome.of(1, 10_000, true, 1)).isEqualTo(DeadlineOutcome.FUND_PARTIAL);
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> DeadlineOutcome.of(-1, 10, true, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeadlineOutcome.of(0, 0, true, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeadlineOutcome.of(11, 10, true, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeadlineOutcome.of(5, 10, true, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeadlineOutcome.of(5, 10, true, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DeadlineOutcome.of(10, 10, true, 10_000)).isEqualTo(DeadlineOutcome.FUND_PARTIAL);
    assertThat(DeadlineOutcome.of(0, 1, false, 1)).isEqualTo(DeadlineOutcome.FAIL);
  }
}
