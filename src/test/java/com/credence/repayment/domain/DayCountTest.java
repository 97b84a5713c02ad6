package com.credence.repayment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.shared.AnnualRate;
import org.junit.jupiter.api.Test;

class DayCountTest {

  @Test
  void interestForDaysFollowsTheConvention() {
    // 10,000.00 at 18% for 10 days: 365 -> 49.3150... -> 49.32; 360 -> 50.00.
    assertThat(DayCount.ACTUAL_365.interestMinor(1_000_000, AnnualRate.ofBps(1800), 10))
        .isEqualTo(4_932);
    assertThat(DayCount.ACTUAL_360.interestMinor(1_000_000, AnnualRate.ofBps(1800), 10))
        .isEqualTo(5_000);
    assertThat(DayCount.ACTUAL_365.interestMinor(1_000_000, AnnualRate.ofBps(1800), 0)).isZero();
    assertThat(DayCount.ACTUAL_365.daysPerYear()).isEqualTo(365);
    assertThat(DayCount.ACTUAL_360.daysPerYear()).isEqualTo(360);
  }

  @Test
  void refusesNegativeInputs() {
    assertThatThrownBy(() -> DayCount.ACTUAL_365.interestMinor(-1, AnnualRate.ofBps(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DayCount.ACTUAL_365.interestMinor(1, AnnualRate.ofBps(1), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
