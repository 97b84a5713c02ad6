package com.credence.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates (value, due, accrual) are dates in Asia/Shanghai. Instants are UTC; this is the
 * only place that converts between the two, and the only place that reads the clock.
 */
public final class BusinessCalendar {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private BusinessCalendar() {}

  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  public static Instant now(Clock clock) {
    return clock.instant();
  }

  public static LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }

  public static Instant startOf(LocalDate date) {
    return date.atStartOfDay(ZONE).toInstant();
  }

  /** The same day of month {@code months} later, moved to the month's last day when shorter. */
  public static LocalDate sameDayMonthsLater(LocalDate start, int months) {
    return start.plusMonths(months);
  }
}
