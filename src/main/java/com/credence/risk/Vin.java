package com.credence.risk;

import com.credence.shared.ProblemException;
import java.util.Locale;

/**
 * A vehicle identification number (ISO 3779): 17 characters without I, O or Q, whose 9th character
 * is the check digit of GB 16735 / 49 CFR 565 (weighted transliteration sum modulo 11, 10 written
 * as X).
 */
public record Vin(String value) {

  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
  private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
  private static final int[] LETTER_VALUES = {
    1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9
  };

  public Vin {
    if (value == null || !isValid(value)) {
      throw new ProblemException(
          400,
          "VIN_INVALID",
          "Not a valid VIN: 17 characters without I, O or Q, and a matching check digit",
          "problem.vin-invalid");
    }
  }

  /** Parses user input: trims and upper-cases before validating. */
  public static Vin parse(String text) {
    return new Vin(text == null ? null : text.trim().toUpperCase(Locale.ROOT));
  }

  public static boolean isValid(String vin) {
    if (vin.length() != 17) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = transliterate(vin.charAt(i));
      if (value < 0) {
        return false;
      }
      sum += value * WEIGHTS[i];
    }
    return vin.charAt(8) == checkCharacter(sum % 11);
  }

  /** The check digit a 17-character VIN must carry in position 9, ignoring what is there now. */
  public static char checkDigitFor(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      if (i != 8) {
        int value = transliterate(vin.charAt(i));
        if (value < 0) {
          throw new IllegalArgumentException("Not a VIN character: " + vin.charAt(i));
        }
        sum += value * WEIGHTS[i];
      }
    }
    return checkCharacter(sum % 11);
  }

  private static char checkCharacter(int remainder) {
    return remainder == 10 ? 'X' : (char) ('0' + remainder);
  }

  private static int transliterate(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int index = LETTERS.indexOf(c);
    return index < 0 ? -1 : LETTER_VALUES[index];
  }

  @Override
  public String toString() {
    return value;
  }
}
