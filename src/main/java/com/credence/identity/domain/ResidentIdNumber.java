package com.credence.identity.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;

/**
 * The 18-character resident identity number (公民身份号码) of GB 11643-1999: a 6-digit region code, the
 * birth date as yyyyMMdd, a 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character
 * (0-9 or X). Validation checks the format, the province and city of the region code, the birth
 * date and the check character; the full county table is the identity provider's job.
 */
public record ResidentIdNumber(String value, LocalDate birthDate) {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";
  private static final DateTimeFormatter BIRTH =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65");

  /** Why a text is not a valid ID number. */
  public enum Problem {
    FORMAT,
    REGION,
    BIRTH_DATE,
    CHECK_DIGIT
  }

  /** Thrown by {@link #parse} with the first problem found. */
  public static final class InvalidIdNumberException extends RuntimeException {
    private final Problem problem;

    InvalidIdNumberException(Problem problem) {
      super("Invalid resident ID number: " + problem);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /**
   * Parses and validates an ID number; a trailing lower-case x is accepted as X.
   *
   * @param today the business date, to refuse birth dates in the future
   */
  public static ResidentIdNumber parse(String text, LocalDate today) {
    String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (!value.matches("[0-9]{17}[0-9X]")) {
      throw new InvalidIdNumberException(Problem.FORMAT);
    }
    if (!PROVINCES.contains(value.substring(0, 2)) || value.startsWith("00", 2)) {
      throw new InvalidIdNumberException(Problem.REGION);
    }
    LocalDate birth;
    try {
      birth = LocalDate.parse(value.substring(6, 14), BIRTH);
    } catch (DateTimeParseException e) {
      throw new InvalidIdNumberException(Problem.BIRTH_DATE);
    }
    if (birth.getYear() < 1900 || birth.isAfter(today)) {
      throw new InvalidIdNumberException(Problem.BIRTH_DATE);
    }
    if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
      throw new InvalidIdNumberException(Problem.CHECK_DIGIT);
    }
    return new ResidentIdNumber(value, birth);
  }

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("Need 17 digits");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int digit = first17.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("Need 17 digits");
      }
      sum += digit * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  /** A complete ID number from region, birth date and sequence (for demo data and tests). */
  public static String compose(String region, LocalDate birthDate, int sequence) {
    String first17 =
        region + birthDate.format(BIRTH) + String.format(Locale.ROOT, "%03d", sequence);
    return first17 + checkCharacter(first17);
  }

  /** Full years of age on {@code today}. */
  public int ageOn(LocalDate today) {
    return Period.between(birthDate, today).getYears();
  }

  @Override
  public String toString() {
    return Masking.idNumber(value);
  }
}
