package com.credence.bank.domain;

import java.util.Map;
import java.util.Optional;

/** Bank card numbers: shape, Luhn check digit, issuing bank by BIN. */
public final class Cards {

  private static final Map<String, String> BANKS_BY_BIN =
      Map.of(
          "622202", "中国工商银行",
          "622848", "中国农业银行",
          "621700", "中国建设银行",
          "621661", "中国银行",
          "622588", "招商银行",
          "622262", "交通银行");

  private Cards() {}

  /** The digits of a valid card number (16 to 19 digits, Luhn), or empty. */
  public static Optional<String> normalize(String text) {
    String digits = text.replace(" ", "");
    if (!digits.matches("[0-9]{16,19}") || !luhnValid(digits)) {
      return Optional.empty();
    }
    return Optional.of(digits);
  }

  public static boolean luhnValid(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /** The check digit that makes {@code payload + digit} Luhn-valid. */
  public static char checkDigit(String payload) {
    for (char c = '0'; c <= '9'; c++) {
      if (luhnValid(payload + c)) {
        return c;
      }
    }
    throw new IllegalStateException("No Luhn check digit for " + payload.length() + " digits");
  }

  public static String bankName(String digits) {
    return BANKS_BY_BIN.getOrDefault(digits.substring(0, 6), "模拟银行");
  }

  public static String last4(String digits) {
    return digits.substring(digits.length() - 4);
  }
}
