package com.credence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  private static final long SEED = 20261125L;

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "0.01", "1000", "1000.5", "1000.50", "9999999999999.99"})
  void parsesApiAmounts(String text) {
    Money money = Money.parseCny(text);
    assertThat(money.toMajor()).isEqualByComparingTo(new BigDecimal(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " 1",
        "1 ",
        "-1",
        "+1",
        "1.001",
        "1e3",
        "1,000.00",
        "01",
        ".5",
        "1.",
        "abc",
        "NaN",
        "10000000000000",
        "１２"
      })
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> Money.parseCny(text))
        .isInstanceOf(InvalidAmountException.class)
        .extracting("code")
        .isEqualTo("INVALID_AMOUNT");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> Money.parseCny(null)).isInstanceOf(InvalidAmountException.class);
  }

  @Test
  void formatsForApiAndPages() {
    Money money = Money.cny(123_456_789L);
    assertThat(money.toApiString()).isEqualTo("1234567.89");
    assertThat(money.toDisplayString()).isEqualTo("¥1,234,567.89");
    assertThat(Money.cny(5).toApiString()).isEqualTo("0.05");
    assertThat(Money.zero(Currency.CNY).toDisplayString()).isEqualTo("¥0.00");
    assertThat(Money.yuan(50_000).amountMinor()).isEqualTo(5_000_000L);
  }

  @Test
  void isNeverNegativeAndRefusesOverflow() {
    assertThatThrownBy(() -> Money.cny(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.cny(Money.MAX_MINOR + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.cny(1).minus(Money.cny(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.cny(Money.MAX_MINOR).plus(Money.cny(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.cny(Money.MAX_MINOR).times(2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.cny(Money.MAX_MINOR).times(Long.MAX_VALUE / 2))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void comparesAndPicksTheSmaller() {
    Money small = Money.cny(100);
    Money large = Money.cny(101);
    assertThat(small.isLessThan(large)).isTrue();
    assertThat(large.isGreaterThan(small)).isTrue();
    assertThat(small.isGreaterThan(small)).isFalse();
    assertThat(small.isLessThan(small)).isFalse();
    assertThat(Money.cny(0).isZero()).isTrue();
    assertThat(small.isZero()).isFalse();
  }

  @Test
  void subtractsDownToExactlyZero() {
    assertThat(Money.cny(5).minus(Money.cny(5))).isEqualTo(Money.cny(0));
    assertThat(Money.cny(5).minus(Money.cny(0))).isEqualTo(Money.cny(5));
  }

  @Test
  void describesItselfWithItsCurrency() {
    assertThat(Money.cny(100_000).toString()).isEqualTo("1000.00 CNY");
  }

  @Test
  void roundsMajorAmountsOnceHalfUp() {
    assertThat(
            Money.ofMajor(new BigDecimal("1.005"), Currency.CNY, RoundingMode.HALF_UP)
                .amountMinor())
        .isEqualTo(101);
    assertThat(
            Money.ofMajor(new BigDecimal("1.004"), Currency.CNY, RoundingMode.HALF_UP)
                .amountMinor())
        .isEqualTo(100);
    assertThat(Money.ofMajor(new BigDecimal("7"), Currency.CNY, RoundingMode.HALF_UP).amountMinor())
        .isEqualTo(700);
  }

  @Test
  void apiFormRoundTripsForRandomAmounts() {
    Random random = new Random(SEED);
    for (int i = 0; i < 10_000; i++) {
      long minor = Math.floorMod(random.nextLong(), Money.MAX_MINOR + 1);
      Money money = Money.cny(minor);
      assertThat(Money.parseCny(money.toApiString()))
          .as("seed %d, amount %d", SEED, minor)
          .isEqualTo(money);
      assertThat(money.toApiString()).matches("^[0-9]+\\.[0-9]{2}$");
    }
  }

  @Test
  void additionAndSubtractionAreInverseForRandomAmounts() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < 10_000; i++) {
      Money a = Money.cny(Math.floorMod(random.nextLong(), Money.MAX_MINOR / 2));
      Money b = Money.cny(Math.floorMod(random.nextLong(), Money.MAX_MINOR / 2));
      Money sum = a.plus(b);
      assertThat(sum.amountMinor()).isEqualTo(a.amountMinor() + b.amountMinor());
      assertThat(sum.minus(b)).isEqualTo(a);
      assertThat(sum.compareTo(a)).isGreaterThanOrEqualTo(0);
    }
  }
}
