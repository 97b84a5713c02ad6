package com.credence.origination.domain;

/** Masked forms of the personal fields of a form: what screens and events may show. */
public final class Masks {

  private Masks() {}

  /**
   * Keeps the first {@code head} and last {@code tail} characters (code points) and stars the rest;
   * a text too short to keep anything is all stars.
   */
  public static String keep(String text, int head, int tail) {
    int[] cps = text.strip().codePoints().toArray();
    if (cps.length <= head + tail) {
      return "*".repeat(Math.max(cps.length, 1));
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cps.length; i++) {
      boolean shown = i < head || i >= cps.length - tail;
      out.appendCodePoint(shown ? cps[i] : '*');
    }
    return out.toString();
  }

  /** A plate such as 沪A12345 as 沪A***45. */
  public static String plate(String plate) {
    return keep(plate, 2, 2);
  }

  /** A VIN as ****1234 (the last four only). */
  public static String vin(String vin) {
    return "****" + vin.substring(vin.length() - 4);
  }

  /** A person's name as 张* or 欧阳** (the family name's first character only). */
  public static String name(String name) {
    return keep(name, 1, 0);
  }
}
