package com.credence.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulationClockTest {

  private final Instant start = Instant.parse("2026-11-25T04:00:00Z");
  private final SimulationClock clock = new SimulationClock(Clock.fixed(start, ZoneOffset.UTC));

  @Test
  void startsAtTheBaseClockAndMovesForward() {
    assertThat(clock.instant()).isEqualTo(start);
    clock.advanceTo(start.plus(Duration.ofDays(3)));
    assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofDays(3)));
    assertThat(clock.offset()).isEqualTo(Duration.ofDays(3));
    assertThat(clock.millis()).isEqualTo(start.plus(Duration.ofDays(3)).toEpochMilli());
  }

  @Test
  void neverGoesBack() {
    clock.advanceTo(start.plus(Duration.ofDays(2)));
    assertThatThrownBy(() -> clock.advanceTo(start.plus(Duration.ofDays(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofDays(2)));
    clock.advanceTo(start.plus(Duration.ofDays(2)));
    assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofDays(2)));
  }

  @Test
  void aZonedCopySharesTheOffset() {
    Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
    clock.advanceTo(start.plus(Duration.ofHours(5)));
    assertThat(shanghai.instant()).isEqualTo(start.plus(Duration.ofHours(5)));
    assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }
}
