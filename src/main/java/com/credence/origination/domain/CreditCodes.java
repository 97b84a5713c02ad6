package com.credence.origination.domain;

import java.util.Locale;

/**
 * The unified social credit code of a company (统一社会信用代码, GB 32100-2015): 18 characters from {@code
 * 0-9 A-H J-N P-R T-U W-Y}, the last a check character (weighted sum mod 31).
 */
public final class CreditCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  public static String normalize(String text) {
    return text.trim().toUpperCase(Locale.ROOT);
  }

  public static boolean isValid(String text) {
    String code = normalize(text);
    if (code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17);
  }

  /** The check character for the first 17 characters. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("Not a credit code character at " + i);
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
