package com.credence.shared;

/**
 * Checks that are always on (unlike {@code assert}). A failed invariant is a bug in our code: it is
 * never caught in business code and becomes a 500 and an alert.
 */
public final class Invariants {

  private Invariants() {}

  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("Invariant violated: " + message);
    }
  }

  public static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException("Invariant violated: " + String.format(format, args));
    }
  }
}
