package com.credence.identity.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland China mobile numbers: 11 digits starting with 13-19, optionally written with +86. */
public final class PhoneNumbers {

  private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

  private PhoneNumbers() {}

  /** The canonical 11-digit form, or empty when the text is not a mainland mobile number. */
  public static Optional<String> normalize(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String compact = text.replace(" ", "").replace("-", "");
    if (compact.startsWith("+86")) {
      compact = compact.substring(3);
    } else if (compact.length() == 13 && compact.startsWith("86")) {
      compact = compact.substring(2);
    }
    return MOBILE.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
  }
}
