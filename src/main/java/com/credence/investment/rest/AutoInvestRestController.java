package com.credence.investment.rest;

import com.credence.investment.AutoInvest;
import com.credence.investment.AutoInvestRule;
import com.credence.risk.Grade;
import com.credence.shared.AnnualRate;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The investor's auto-invest rule and authorisation (API.md "Investing"). */
@RestController
class AutoInvestRestController {

  private final AutoInvest autoInvest;

  AutoInvestRestController(AutoInvest autoInvest) {
    this.autoInvest = autoInvest;
  }

  /**
   * The rule as the API reads and writes it. {@code authorisedLimit} and {@code authorisedUntil}
   * are the revocable authorisation (custody guideline); {@code enabled:false} revokes it.
   */
  record AutoInvestBody(
      @NotNull Boolean enabled,
      @NotNull @Size(max = 10) String minRate,
      @NotNull @Size(max = 10) String maxRate,
      @NotNull Integer termMonthsMin,
      @NotNull Integer termMonthsMax,
      @NotNull @Size(min = 1, max = 5) List<String> grades,
      @NotNull @Size(max = 32) String maxPerListing,
      @NotNull @Size(max = 32) String reserveBalance,
      @NotNull @Size(max = 32) String authorisedLimit,
      @NotNull @Size(max = 10) String authorisedUntil,
      @Nullable String used) {}

  @GetMapping("/api/v1/me/auto-invest")
  AutoInvestBody get(@AuthenticationPrincipal AuthenticatedUser user) {
    return body(autoInvest.rule(user.userId()));
  }

  @PutMapping("/api/v1/me/auto-invest")
  AutoInvestBody put(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody AutoInvestBody b) {
    return body(autoInvest.save(user.userId(), rule(b)));
  }

  static AutoInvestRule rule(AutoInvestBody b) {
    try {
      Set<Grade> grades = EnumSet.noneOf(Grade.class);
      b.grades().forEach(g -> grades.add(Grade.valueOf(g.trim().toUpperCase(Locale.ROOT))));
      return new AutoInvestRule(
          b.enabled(),
          AnnualRate.parse(b.minRate()),
          AnnualRate.parse(b.maxRate()),
          b.termMonthsMin(),
          b.termMonthsMax(),
          grades,
          Money.parseCny(b.maxPerListing()),
          Money.parseCny(b.reserveBalance()),
          Money.parseCny(b.authorisedLimit()),
          LocalDate.parse(b.authorisedUntil()),
          Money.cny(0));
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
      throw new ProblemException(
          400,
          "VALIDATION_FAILED",
          "Rates are fractions (0.0950), amounts yuan (100.00), grades A-E, dates 2026-12-31",
          "problem.validation-failed");
    }
  }

  static AutoInvestBody body(AutoInvestRule r) {
    return new AutoInvestBody(
        r.enabled(),
        r.minRate().toApiString(),
        r.maxRate().toApiString(),
        r.termMonthsMin(),
        r.termMonthsMax(),
        r.grades().stream().sorted().map(Grade::name).toList(),
        r.maxPerListing().toApiString(),
        r.reserveBalance().toApiString(),
        r.authorisedLimit().toApiString(),
        r.authorisedUntil().toString(),
        r.used().toApiString());
  }
}
