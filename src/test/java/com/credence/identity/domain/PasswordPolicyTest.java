package com.credence.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.domain.PasswordPolicy.Violation;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static final String PHONE = "13912345678";

  @Test
  void acceptsLettersAndDigitsOfSensibleLength() {
    assertThat(PasswordPolicy.check("Lend-safely-2026", PHONE)).isEmpty();
    assertThat(PasswordPolicy.check("安全出借2026abc", PHONE)).isEmpty();
    assertThat(PasswordPolicy.check("a".repeat(63) + "1", PHONE)).isEmpty();
  }

  @Test
  void refusesShortAndLong() {
    assertThat(PasswordPolicy.check("abc123", PHONE)).containsExactly(Violation.TOO_SHORT);
    assertThat(PasswordPolicy.check("a".repeat(64) + "1", PHONE))
        .containsExactly(Violation.TOO_LONG);
    assertThat(PasswordPolicy.check(null, PHONE)).contains(Violation.TOO_SHORT);
  }

  @Test
  void needsLettersAndDigits() {
    assertThat(PasswordPolicy.check("onlyletters", PHONE))
        .containsExactly(Violation.NEEDS_LETTER_AND_DIGIT);
    assertThat(PasswordPolicy.check("9876543210", PHONE))
        .containsExactly(Violation.NEEDS_LETTER_AND_DIGIT);
  }

  @Test
  void refusesCommonPasswordsAndThePhone() {
    assertThat(PasswordPolicy.check("Password123", PHONE)).containsExactly(Violation.TOO_COMMON);
    assertThat(PasswordPolicy.check("woaini1314", PHONE)).containsExactly(Violation.TOO_COMMON);
    assertThat(PasswordPolicy.check("x12345678y", PHONE)).containsExactly(Violation.CONTAINS_PHONE);
  }
}
