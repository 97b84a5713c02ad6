package com.credence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnnualRateTest {

  @Test
  void apiFormIsAFractionWithFourDecimals() {
    AnnualRate rate = AnnualRate.parse("0.0950");
    assertThat(rate.bps()).isEqualTo(950);
    assertThat(rate.toApiString()).isEqualTo("0.0950");
    assertThat(rate.toPercentString()).isEqualTo("9.50%");
    assertThat(AnnualRate.parse("0.12").bps()).isEqualTo(1200);
    assertThat(AnnualRate.parse("1").bps()).isEqualTo(10_000);
    assertThat(AnnualRate.parse("0").bps()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "9.5", "0.09501", "-0.1", "1.0001", "2", "0,095", "abc"})
  void refusesBadRates(String text) {
    assertThatThrownBy(() -> AnnualRate.parse(text))
        .isInstanceOf(ProblemException.class)
        .extracting("code")
        .isEqualTo("INVALID_RATE");
  }

  @Test
  void refusesOutOfRangeBasisPoints() {
    assertThatThrownBy(() -> AnnualRate.ofBps(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AnnualRate.ofBps(10_001)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void monthlyRateIsAnnualOverTwelve() {
    assertThat(AnnualRate.ofBps(1200).monthlyFraction(10, RoundingMode.HALF_UP))
        .isEqualByComparingTo(new BigDecimal("0.01"));
    assertThat(AnnualRate.ofBps(950).monthlyFraction(10, RoundingMode.HALF_UP))
        .isEqualByComparingTo(new BigDecimal("0.0079166667"));
  }

  @Test
  void ordersByBasisPoints() {
    assertThat(AnnualRate.ofBps(900)).isLessThan(AnnualRate.ofBps(901));
  }
}
