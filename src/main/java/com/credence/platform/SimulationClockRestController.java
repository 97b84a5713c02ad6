package com.credence.platform;

import com.credence.shared.BusinessCalendar;
import com.credence.shared.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulation mode only: {@code POST /api/v1/sim/clock {"date"}} moves the business date forward
 * (never back), closing each date on the way so its end-of-day jobs run in order.
 */
@RestController
@ConditionalOnProperty(
    name = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SimulationClockRestController {

  /** No single move may cross more than this many days. */
  static final int MOVE_DAYS_MAX = 1_100;

  private final SimulationClock clock;
  private final BusinessDays businessDays;

  SimulationClockRestController(SimulationClock clock, BusinessDays businessDays) {
    this.clock = clock;
    this.businessDays = businessDays;
  }

  record MoveClock(String date) {}

  record ClockView(String date, String instant, List<String> closedDates) {}

  @GetMapping("/api/v1/sim/clock")
  ClockView now() {
    return new ClockView(
        BusinessCalendar.today(clock).toString(), clock.instant().toString(), List.of());
  }

  @PostMapping(path = "/api/v1/sim/clock", consumes = "application/json")
  synchronized ClockView move(@RequestBody MoveClock move) {
    LocalDate target = parse(move.date());
    LocalDate today = BusinessCalendar.today(clock);
    if (target.isBefore(today)) {
      throw new ProblemException(
          409,
          "CLOCK_NEVER_GOES_BACK",
          "The business date is already " + today,
          "problem.clock-never-goes-back");
    }
    if (target.isAfter(today.plusDays(MOVE_DAYS_MAX))) {
      throw new ProblemException(
          400,
          "VALIDATION_FAILED",
          "Move at most " + MOVE_DAYS_MAX + " days at once",
          "problem.clock-move-too-far");
    }
    businessDays.closeEndedDays();
    List<String> closed = new java.util.ArrayList<>();
    for (LocalDate day = today.plusDays(1); !day.isAfter(target); day = day.plusDays(1)) {
      clock.advanceTo(BusinessCalendar.startOf(day));
      businessDays.closeEndedDays().forEach(d -> closed.add(d.toString()));
    }
    return new ClockView(
        BusinessCalendar.today(clock).toString(), clock.instant().toString(), closed);
  }

  private static LocalDate parse(String date) {
    if (date == null) {
      throw new ProblemException(
          400,
          "VALIDATION_FAILED",
          "date is required (ISO, e.g. 2026-12-01)",
          "problem.clock-date-required");
    }
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          400,
          "VALIDATION_FAILED",
          "date must be an ISO date, e.g. 2026-12-01",
          "problem.clock-date-required");
    }
  }
}
