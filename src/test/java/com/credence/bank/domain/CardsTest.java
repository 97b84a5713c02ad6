package com.credence.bank.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CardsTest {

  @Test
  void acceptsKnownValidNumbers() {
    // Luhn-valid numbers, checked with an independent Luhn script: 4111 1111 1111 1111 and
    // 6222 0200 0000 0000 000.
    assertThat(Cards.normalize("4111 1111 1111 1111")).contains("4111111111111111");
    assertThat(Cards.luhnValid("6222020000000000000")).isTrue();
    assertThat(Cards.bankName("6222020000000000000")).isEqualTo("中国工商银行");
    assertThat(Cards.last4("6222020000000000000")).isEqualTo("0000");
  }

  @Test
  void refusesBadShapesAndCheckDigits() {
    assertThat(Cards.normalize("4111111111111112")).isEmpty();
    assertThat(Cards.normalize("411111111111111")).as("15 digits").isEmpty();
    assertThat(Cards.normalize("41111111111111111111")).as("20 digits").isEmpty();
    assertThat(Cards.normalize("4111-1111-1111-1111")).isEmpty();
    assertThat(Cards.normalize("")).isEmpty();
  }

  @Test
  void everySingleDigitErrorIsCaught() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder payload = new StringBuilder();
      int length = 15 + random.nextInt(4);
      for (int i = 0; i < length; i++) {
        payload.append(random.nextInt(10));
      }
      String valid = payload.toString() + Cards.checkDigit(payload.toString());
      assertThat(Cards.luhnValid(valid)).as("seed %d", seed).isTrue();
      int at = random.nextInt(valid.length());
      char replaced = (char) ('0' + (valid.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
      String broken = valid.substring(0, at) + replaced + valid.substring(at + 1);
      assertThat(Cards.luhnValid(broken)).as("seed %d: %s", seed, broken).isFalse();
    }
  }
}
