package com.credence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  @Test
  void businessDateIsTheShanghaiDate() {
    // 17:00 UTC is 01:00 the next day in Shanghai.
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), ZoneOffset.UTC);
    assertThat(BusinessCalendar.today(clock)).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(BusinessCalendar.dateOf(Instant.parse("2026-11-25T15:59:59Z")))
        .isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(BusinessCalendar.startOf(LocalDate.of(2026, 11, 26)))
        .isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
    assertThat(BusinessCalendar.now(clock)).isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
  }

  @Test
  void monthlyDatesKeepTheDayOrTakeTheMonthsLastDay() {
    LocalDate jan31 = LocalDate.of(2027, 1, 31);
    assertThat(BusinessCalendar.sameDayMonthsLater(jan31, 1)).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(BusinessCalendar.sameDayMonthsLater(jan31, 2)).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(BusinessCalendar.sameDayMonthsLater(LocalDate.of(2027, 11, 30), 3))
        .isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void invariantsThrowWithTheMessage() {
    Invariants.check(true, "fine");
    assertThatThrownBy(() -> Invariants.check(false, "sum %d != %d", 1, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sum 1 != 2");
    assertThatThrownBy(() -> Invariants.check(false, "plain")).hasMessageContaining("plain");
  }
}
