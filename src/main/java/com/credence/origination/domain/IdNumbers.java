package com.credence.origination.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The date of birth inside an 18-character resident ID number (GB 11643, digits 7-14). */
public final class IdNumbers {

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private IdNumbers() {}

  public static Optional<LocalDate> birthDate(String idNumber) {
    if (idNumber.length() != 18) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(idNumber.substring(6, 14), BASIC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
