package com.credence.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the risk module ({@code credence.risk.*}); docs/modules/risk.md explains each. */
@ConfigurationProperties("credence.risk")
public record RiskProperties(
    @DefaultValue("risk/scorecard-v1.json") String scorecard,
    @DefaultValue Grades grades,
    @DefaultValue Pricing pricing,
    @DefaultValue("300") int lprBps,
    @DefaultValue("4") int capMultiple,
    @DefaultValue Caps caps,
    @DefaultValue("18") int minimumAge,
    @DefaultValue("0.50") BigDecimal maxDebtToIncome,
    @DefaultValue({"STOCKS", "FUTURES", "DERIVATIVES", "MARGIN_TRADING"})
        List<LoanPurpose> refusedPurposes,
    @DefaultValue Bureau bureau) {

  /** Inclusive upper bounds of the probability of default per grade; above D is E. */
  public record Grades(
      @DefaultValue("0.03") BigDecimal maxPdA,
      @DefaultValue("0.06") BigDecimal maxPdB,
      @DefaultValue("0.10") BigDecimal maxPdC,
      @DefaultValue("0.1667") BigDecimal maxPdD) {}

  /** The annual rate per grade, in basis points; E is not lent to. */
  public record Pricing(
      @DefaultValue("700") int rateBpsA,
      @DefaultValue("850") int rateBpsB,
      @DefaultValue("950") int rateBpsC,
      @DefaultValue("1050") int rateBpsD) {}

  /** Borrowing caps on outstanding principal, in whole yuan (art. 17). */
  public record Caps(
      @DefaultValue("200000") long personPlatformYuan,
      @DefaultValue("1000000") long personAllPlatformsYuan,
      @DefaultValue("1000000") long companyPlatformYuan,
      @DefaultValue("5000000") long companyAllPlatformsYuan) {}

  /** How long the bureau may take, and how slow the simulated one is in SLOW mode. */
  public record Bureau(
      @DefaultValue("2s") Duration timeout, @DefaultValue("2500ms") Duration simulatedSlowDelay) {}
}
