package com.credence.risk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.risk.BureauReport;
import com.credence.risk.BureauUnavailable;
import com.credence.risk.RiskProperties;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedCreditBureauTest {

  private static SimulatedCreditBureau bureau(Duration timeout, Duration slowDelay) {
    return new SimulatedCreditBureau(
        new RiskProperties(
            "risk/scorecard-v1.json",
            new RiskProperties.Grades(
                new BigDecimal("0.03"),
                new BigDecimal("0.06"),
                new BigDecimal("0.10"),
                new BigDecimal("0.1667")),
            new RiskProperties.Pricing(700, 850, 950, 1050),
            300,
            4,
            new RiskProperties.Caps(200_000, 1_000_000, 1_000_000, 5_000_000),
            18,
            new BigDecimal("0.50"),
            List.of(),
            new RiskProperties.Bureau(timeout, slowDelay)));
  }

  @Test
  void theSameIdAlwaysGetsTheSameReport() {
    assertThat(SimulatedCreditBureau.synthetic("110101199003074578"))
        .isEqualTo(SimulatedCreditBureau.synthetic("110101199003074578"));
  }

  @Test
  void reportsVaryAcrossIds() {
    List<BureauReport> reports =
        IntStream.range(0, 1_000)
            .mapToObj(i -> SimulatedCreditBureau.synthetic("id-" + i))
            .toList();
    Set<BureauReport> distinct = new HashSet<>(reports);

    // Clean reports differ only in the length of the history, so some coincide.
    assertThat(distinct.size()).isGreaterThan(700);
    assertThat(reports).anyMatch(r -> r.overdueRecords() > 0);
    assertThat(reports).anyMatch(BureauReport::currentlyOverdue);
    assertThat(reports).anyMatch(r -> r.lawsuits() > 0);
    assertThat(reports).anyMatch(r -> !r.pledgedVins().isEmpty());
    assertThat(reports).anyMatch(r -> r.outstandingOtherPlatforms().amountMinor() > 0);
    assertThat(reports.stream().filter(r -> r.overdueRecords() == 0 && r.lawsuits() == 0).count())
        .isGreaterThan(500);
  }

  @Test
  void downRaisesBureauUnavailable() {
    SimulatedCreditBureau bureau = bureau(Duration.ofMillis(50), Duration.ofMillis(80));
    bureau.setMode(SimulatedCreditBureau.Mode.DOWN);

    assertThatThrownBy(() -> bureau.report("x"))
        .isInstanceOfSatisfying(
            BureauUnavailable.class, e -> assertThat(e.code()).isEqualTo("BUREAU_UNAVAILABLE"));
  }

  @Test
  void slowerThanTheTimeoutRaisesBureauUnavailable() {
    SimulatedCreditBureau bureau = bureau(Duration.ofMillis(50), Duration.ofMillis(80));
    bureau.setMode(SimulatedCreditBureau.Mode.SLOW);

    assertThatThrownBy(() -> bureau.report("x")).isInstanceOf(BureauUnavailable.class);
  }

  @Test
  void backUpAnswersAgain() {
    SimulatedCreditBureau bureau = bureau(Duration.ofMillis(50), Duration.ofMillis(80));
    bureau.setMode(SimulatedCreditBureau.Mode.DOWN);
    bureau.setMode(SimulatedCreditBureau.Mode.UP);

    assertThat(bureau.report("x")).isEqualTo(SimulatedCreditBureau.synthetic("x"));
  }
}
