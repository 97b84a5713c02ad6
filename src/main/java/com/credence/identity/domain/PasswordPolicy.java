package com.credence.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a password acceptable: 8 to 64 characters, letters and digits both present, not a
 * well-known password, and not containing the phone number. Long passphrases are welcome; no rule
 * demands symbols (NIST SP 800-63B).
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 64;

  private static final Set<String> COMMON =
      Set.of(
          "password",
          "password1",
          "password123",
          "passw0rd",
          "12345678",
          "123456789",
          "1234567890",
          "qwerty123",
          "qwertyuiop",
          "abc12345",
          "abcd1234",
          "a1234567",
          "aa123456",
          "iloveyou1",
          "woaini1314",
          "woaini520",
          "1qaz2wsx",
          "qazwsx123",
          "admin123",
          "zxcvbnm1",
          "11111111a",
          "a123456789",
          "p@ssw0rd",
          "asdf1234",
          "qwer1234",
          "1q2w3e4r",
          "5201314a");

  /**
   * One reason a password is refused; the message key is {@code password.rule.<name in lower
   * case>}.
   */
  public enum Violation {
    TOO_SHORT,
    TOO_LONG,
    NEEDS_LETTER_AND_DIGIT,
    TOO_COMMON,
    CONTAINS_PHONE
  }

  private PasswordPolicy() {}

  /** Every rule the password breaks; empty when it is acceptable. */
  public static List<Violation> check(String password, String phone) {
    List<Violation> violations = new ArrayList<>();
    if (password == null) {
      violations.add(Violation.TOO_SHORT);
      return violations;
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      violations.add(Violation.TOO_SHORT);
    }
    if (length > MAX_LENGTH) {
      violations.add(Violation.TOO_LONG);
    }
    boolean letter = password.codePoints().anyMatch(Character::isLetter);
    boolean digit = password.codePoints().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      violations.add(Violation.NEEDS_LETTER_AND_DIGIT);
    }
    if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
      violations.add(Violation.TOO_COMMON);
    }
    if (phone != null
        && phone.length() >= 8
        && password.contains(phone.substring(phone.length() - 8))) {
      violations.add(Violation.CONTAINS_PHONE);
    }
    return violations;
  }
}
