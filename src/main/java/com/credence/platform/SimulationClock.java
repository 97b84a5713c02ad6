package com.credence.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of simulation mode: the system clock plus an offset that can only grow, so demos and
 * tests can move the business date forward (never back). Production uses the plain system clock.
 */
public final class SimulationClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  SimulationClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private SimulationClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new SimulationClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /** Moves the clock forward to {@code target}; an earlier target is refused. */
  void advanceTo(Instant target) {
    offset.updateAndGet(
        current -> {
          Duration next = Duration.between(base.instant(), target);
          if (next.compareTo(current) < 0) {
            throw new IllegalArgumentException("The clock never goes back");
          }
          return next;
        });
  }

  Duration offset() {
    return offset.get();
  }
}
