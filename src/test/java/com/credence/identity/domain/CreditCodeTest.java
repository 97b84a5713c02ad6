package com.credence.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

  /** Codes of well-known companies, published in their business licences. */
  @ParameterizedTest
  @ValueSource(strings = {"914403001922038216", "91440300708461136T", "91110000802100433B"})
  void acceptsRealCodes(String code) {
    assertThat(CreditCode.isValid(code)).isTrue();
  }

  @Test
  void refusesAWrongCheckCharacter() {
    assertThat(CreditCode.isValid("914403001922038217")).isFalse();
    assertThat(CreditCode.isValid("91440300708461136U")).isFalse();
  }

  @Test
  void refusesLettersOutsideTheAlphabetAndWrongLengths() {
    assertThat(CreditCode.isValid("91440300I08461136T")).isFalse();
    assertThat(CreditCode.isValid("91440300O08461136T")).isFalse();
    assertThat(CreditCode.isValid("9144030070846113")).isFalse();
    assertThat(CreditCode.isValid("")).isFalse();
    assertThat(CreditCode.isValid(null)).isFalse();
    assertThat(CreditCode.isValid("91440300708461136t")).isFalse();
    assertThat(CreditCode.isValid(CreditCode.normalize(" 91440300708461136t "))).isTrue();
  }

  @Test
  void refusesLettersInTheRegionCode() {
    String first17 = "91A403001922038";
    String code = first17 + "21";
    String withCheck = code.substring(0, 17) + CreditCode.checkCharacter(code.substring(0, 17));
    assertThat(CreditCode.isValid(withCheck)).isFalse();
  }

  /** Property: a composed code is valid, and changing any one character makes it invalid. */
  @RepeatedTest(200)
  void anySingleCharacterChangeIsDetected() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    StringBuilder first17 = new StringBuilder("91");
    for (int i = 0; i < 6; i++) {
      first17.append((char) ('0' + random.nextInt(10)));
    }
    for (int i = 0; i < 9; i++) {
      first17.append(CreditCode.CHARS.charAt(random.nextInt(CreditCode.CHARS.length())));
    }
    String valid = first17.toString() + CreditCode.checkCharacter(first17.toString());
    assertThat(CreditCode.isValid(valid)).as("seed %d: %s", seed, valid).isTrue();

    int position = random.nextInt(18);
    char replacement;
    do {
      replacement = CreditCode.CHARS.charAt(random.nextInt(CreditCode.CHARS.length()));
    } while (replacement == valid.charAt(position));
    String corrupted = valid.substring(0, position) + replacement + valid.substring(position + 1);
    assertThat(CreditCode.isValid(corrupted)).as("seed %d: %s", seed, corrupted).isFalse();
  }
}
