package com.credence.identity.domain;

import java.util.Locale;

/**
 * The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015: registration authority,
 * organisation type, 6-digit region code, 9-character organisation code and a check character, over
 * the 31 characters {@code 0-9 A-H J-N P-R T-U W-Y} (no I, O, Z, S, V).
 */
public final class CreditCode {

  static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCode() {}

  /** True when the text is a well-formed code with the right check character (upper case). */
  public static boolean isValid(String text) {
    if (text == null || text.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (CHARS.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    if (!text.substring(2, 8).chars().allMatch(Character::isDigit)) {
      return false;
    }
    return text.charAt(17) == checkCharacter(text.substring(0, 17));
  }

  /** Upper-cases and trims; validation is {@link #isValid}. */
  public static String normalize(String text) {
    return text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
  }

  /** The check character for the first 17 characters. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = CHARS.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("Not a credit-code character at " + i);
      }
      sum += value * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return CHARS.charAt(check);
  }
}
