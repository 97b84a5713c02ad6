package com.credence.investment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmountCheckTest {

  @Test
  void acceptsTheMinimumAndMultiplesOfTheStep() {
    assertThat(AmountCheck.of(5_000, 5_000, 5_000)).isEqualTo(AmountCheck.OK);
    assertThat(AmountCheck.of(10_000, 5_000, 5_000)).isEqualTo(AmountCheck.OK);
    assertThat(AmountCheck.of(15_000, 10_000, 5_000)).isEqualTo(AmountCheck.OK);
  }

  @Test
  void refusesBelowTheMinimumBeforeTheStep() {
    assertThat(AmountCheck.of(4_999, 5_000, 5_000)).isEqualTo(AmountCheck.BELOW_MINIMUM);
    assertThat(AmountCheck.of(1, 5_000, 5_000)).isEqualTo(AmountCheck.BELOW_MINIMUM);
  }

  @Test
  void refusesAmountsOffTheStep() {
    assertThat(AmountCheck.of(5_001, 5_000, 5_000)).isEqualTo(AmountCheck.NOT_STEP_MULTIPLE);
    assertThat(AmountCheck.of(7_500, 5_000, 5_000)).isEqualTo(AmountCheck.NOT_STEP_MULTIPLE);
    assertThat(AmountCheck.of(14_999, 10_000, 5_000)).isEqualTo(AmountCheck.NOT_STEP_MULTIPLE);
  }

  @Test
  void refusesNonPositiveInputs() {
    assertThatThrownBy(() -> AmountCheck.of(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AmountCheck.of(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AmountCheck.of(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(AmountCheck.of(1, 1, 1)).isEqualTo(AmountCheck.OK);
  }
}
