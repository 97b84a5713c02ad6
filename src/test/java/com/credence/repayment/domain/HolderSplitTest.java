package com.credence.repayment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HolderSplitTest {

  @Test
  void theDocumentedExampleSplitsInstallmentOne() {
    // docs/modules/repayment.md: 888.49 among 5,000 / 3,000 / 2,000, no service fee.
    HolderSplit.Parts parts =
        HolderSplit.split(78_849, 10_000, 0, new long[] {500_000, 300_000, 200_000});
    assertThat(parts.serviceFeeMinor()).isZero();
    long[] totals = new long[3];
    for (int i = 0; i < 3; i++) {
      totals[i] = parts.principalMinor()[i] + parts.interestMinor()[i];
    }
    assertThat(parts.principalMinor()).containsExactly(39_424L, 23_655L, 15_770L);
    assertThat(parts.interestMinor()).containsExactly(5_000L, 3_000L, 2_000L);
    assertThat(totals[0] + totals[1] + totals[2]).isEqualTo(88_849);
  }

  @Test
  void serviceFeeIsAShareOfTheInterestRoundedHalfUp() {
    // 100.00 interest at 10% (1000 bps) = 10.00; 0.05 at 10% = 0.005 -> 0.01 (half up).
    assertThat(HolderSplit.serviceFeeMinor(10_000, 1000)).isEqualTo(1_000);
    assertThat(HolderSplit.serviceFeeMinor(5, 1000)).isEqualTo(1);
    assertThat(HolderSplit.serviceFeeMinor(4, 1000)).isZero();
    assertThat(HolderSplit.serviceFeeMinor(10_000, 0)).isZero();
    assertThat(HolderSplit.serviceFeeMinor(10_000, 10_000)).isEqualTo(10_000);
  }

  @Test
  void holdersGetTheInterestAfterTheFeeExactly() {
    HolderSplit.Parts parts = HolderSplit.split(10_000, 1_001, 1000, new long[] {1, 1, 1});
    assertThat(parts.serviceFeeMinor()).isEqualTo(100);
    assertThat(HolderSplit.sum(parts.interestMinor())).isEqualTo(901);
    assertThat(parts.interestMinor()).containsExactly(301L, 300L, 300L);
    assertThat(parts.principalMinor()).containsExactly(3_334L, 3_333L, 3_333L);
  }

  @Test
  void refusesImpossibleFees() {
    assertThatThrownBy(() -> HolderSplit.serviceFeeMinor(-1, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HolderSplit.serviceFeeMinor(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HolderSplit.serviceFeeMinor(1, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
