package com.credence.origination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CreditCodesTest {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  @Test
  void acceptsPublishedCodes() {
    // Published codes of well-known companies (business licences are public).
    assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
    assertThat(CreditCodes.isValid("91110000802100433B")).isTrue();
    assertThat(CreditCodes.isValid(" 91110000802100433b ")).isTrue();
  }

  @Test
  void refusesWrongLengthCharactersAndCheckCharacters() {
    assertThat(CreditCodes.isValid("91110000802100433")).isFalse();
    assertThat(CreditCodes.isValid("91110000802100433BB")).isFalse();
    assertThat(CreditCodes.isValid("91110000802100433I")).isFalse();
    assertThat(CreditCodes.isValid("91110000802100433C")).isFalse();
    assertThat(CreditCodes.isValid("")).isFalse();
  }

  @RepeatedTest(20)
  void everyWrongCheckCharacterIsRefused() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    StringBuilder first17 = new StringBuilder();
    for (int i = 0; i < 17; i++) {
      first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    char check = CreditCodes.checkCharacter(first17.toString());
    assertThat(CreditCodes.isValid(first17.toString() + check)).as("seed %d", seed).isTrue();
    for (char c : ALPHABET.toCharArray()) {
      if (c != check) {
        assertThat(CreditCodes.isValid(first17.toString() + c)).as("seed %d", seed).isFalse();
      }
    }
  }
}
