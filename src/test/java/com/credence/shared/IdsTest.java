package com.credence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsAreVersion7AndCarryTheClocksMillis() {
    Instant instant = Instant.parse("2026-11-25T08:00:00.123Z");
    UUID id = Ids.newId(Clock.fixed(instant, ZoneOffset.UTC));
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(instant.toEpochMilli());
  }

  @Test
  void idsAreUniqueAndOrderedByTime() {
    Set<UUID> seen = new HashSet<>();
    UUID previous = null;
    for (int i = 0; i < 1_000; i++) {
      UUID id =
          Ids.newId(Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L + i), ZoneOffset.UTC));
      assertThat(seen.add(id)).isTrue();
      if (previous != null) {
        assertThat(id.toString()).isGreaterThan(previous.toString());
      }
      previous = id;
    }
  }

  @Test
  void parseAnswersNotFoundForGarbage() {
    assertThatThrownBy(() -> Ids.parse("not-a-uuid", "Listing"))
        .isInstanceOf(ProblemException.class)
        .extracting("status")
        .isEqualTo(404);
    UUID id = UUID.randomUUID();
    assertThat(Ids.parse(id.toString(), "Listing")).isEqualTo(id);
  }
}
