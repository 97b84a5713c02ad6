package com.credence.identity.domain;

/**
 * Masks personal data for screens, API answers and logs: {@code 138****5678}, {@code
 * 110***********1234}, {@code 张*}, {@code 6222 **** **** 1234}. Masking never fails: odd input is
 * masked completely.
 */
public final class Masking {

  private Masking() {}

  /** 138****5678 */
  public static String phone(String phone) {
    if (phone == null || phone.length() != 11) {
      return stars(phone == null ? 4 : phone.length());
    }
    return phone.substring(0, 3) + "****" + phone.substring(7);
  }

  /** 110***********1234: first three and last four characters. */
  public static String idNumber(String idNumber) {
    if (idNumber == null || idNumber.length() < 8) {
      return stars(idNumber == null ? 4 : idNumber.length());
    }
    int hidden = idNumber.length() - 7;
    return idNumber.substring(0, 3)
        + "*".repeat(hidden)
        + idNumber.substring(idNumber.length() - 4);
  }

  /** 张* / 欧阳** / J*** : the first character only. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return "*";
    }
    int first = name.offsetByCodePoints(0, 1);
    int rest = name.codePointCount(first, name.length());
    return name.substring(0, first) + "*".repeat(Math.max(1, rest));
  }

  /** 6222 **** **** 1234: first four and last four digits. */
  public static String cardNumber(String cardNumber) {
    if (cardNumber == null || cardNumber.length() < 12) {
      return stars(cardNumber == null ? 4 : cardNumber.length());
    }
    return cardNumber.substring(0, 4)
        + " **** **** "
        + cardNumber.substring(cardNumber.length() - 4);
  }

  private static String stars(int count) {
    return "*".repeat(Math.max(1, count));
  }
}
