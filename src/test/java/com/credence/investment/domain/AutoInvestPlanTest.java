package com.credence.investment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.investment.domain.AutoInvestPlan.Candidate;
import com.credence.investment.domain.AutoInvestPlan.Listing;
import com.credence.investment.domain.AutoInvestPlan.Take;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class AutoInvestPlanTest {

  private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

  private static Candidate rich(String id, long joinedSecond, Long servedSecond) {
    return new Candidate(
        id,
        T0.plusSeconds(joinedSecond),
        servedSecond == null ? null : T0.plusSeconds(servedSecond),
        100_000,
        1_000_000,
        10_000_000,
        0);
  }

  @Test
  void theCapIsTheShareDownToTheStep() {
    assertThat(new Listing(1_000_000, 5_000, 5_000, 7_000).capMinor()).isEqualTo(700_000);
    assertThat(new Listing(1_000_000, 5_000, 3_000, 7_000).capMinor()).isEqualTo(699_000);
    assertThat(new Listing(12_345, 1, 1, 5_000).capMinor()).isEqualTo(6_172);
    assertThat(new Listing(10_000, 1, 1, 10_000).capMinor()).isEqualTo(10_000);
    assertThat(new Listing(10_000, 1, 1, 0).capMinor()).isZero();
    assertThat(new Listing(Long.MAX_VALUE / 2, 1, 1, 10_000).capMinor())
        .isEqualTo(Long.MAX_VALUE / 2);
  }

  @Test
  void refusesBadListings() {
    assertThatThrownBy(() -> new Listing(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Listing(1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Listing(1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Listing(1, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Listing(1, 1, 1, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverServedFirstThenLeastRecentlyServedThenEarliestJoined() {
    List<Candidate> ordered =
        AutoInvestPlan.order(
            List.of(
                rich("served-late", 1, 500L),
                rich("new-late", 20, null),
                rich("served-early", 2, 100L),
                rich("new-early", 10, null),
                rich("b-same", 5, 300L),
                rich("a-same", 5, 300L)));
    assertThat(ordered.stream().map(Candidate::investorId))
        .containsExactly(
            "new-early", "new-late", "served-early", "a-same", "b-same", "served-late");
  }

  @Test
  void eachTakesTheLeastOfItsLimitsDownToTheStep() {
    Listing l = new Listing(1_000_000, 5_000, 5_000, 10_000);
    assertThat(
            AutoInvestPlan.amountFor(
                new Candidate("a", T0, null, 52_000, 1_000_000, 1_000_000, 0), l, 1_000_000))
        .as("per listing")
        .isEqualTo(50_000);
    assertThat(
            AutoInvestPlan.amountFor(
                new Candidate("a", T0, null, 100_000, 23_000, 1_000_000, 0), l, 1_000_000))
        .as("authorisation left")
        .isEqualTo(20_000);
    assertThat(
            AutoInvestPlan.amountFor(
                new Candidate("a", T0, null, 100_000, 100_000, 60_000, 20_000), l, 1_000_000))
        .as("available above the reserve")
        .isEqualTo(40_000);
    assertThat(
            AutoInvestPlan.amountFor(
                new Candidate("a", T0, null, 100_000, 100_000, 100_000, 0), l, 15_000))
        .as("cap left")
        .isEqualTo(15_000);
    assertThat(
            AutoInvestPlan.amountFor(
                new Candidate("a", T0, null, 100_000, 100_000, 10_000, 20_000), l, 1_000_000))
        .as("reserve above the balance")
        .isZero();
    assertThat(
            AutoInvestPlan.amountFor(
                new Candidate("a", T0, null, 4_999, 100_000, 100_000, 0), l, 1_000_000))
        .as("below the minimum")
        .isZero();
    assertThat(
            AutoInvestPlan.amountFor(
                new Candidate("a", T0, null, 5_000, 100_000, 100_000, 0), l, 1_000_000))
        .as("exactly the minimum")
        .isEqualTo(5_000);
  }

  @Test
  void thePlanStopsAtTheCapInTheFairOrder() {
    Listing l = new Listing(200_000, 5_000, 5_000, 7_000); // cap 140,000
    List<Take> plan =
        AutoInvestPlan.plan(List.of(rich("c", 3, 50L), rich("a", 1, null), rich("b", 2, null)), l);
    assertThat(plan).containsExactly(new Take("a", 100_000), new Take("b", 40_000));
    assertThat(
            AutoInvestPlan.plan(List.of(rich("a", 1, null)), new Listing(200_000, 5_000, 5_000, 0)))
        .isEmpty();
    Candidate poor = new Candidate("p", T0, null, 100_000, 100_000, 1_000, 0);
    assertThat(AutoInvestPlan.plan(List.of(poor, rich("r", 9, null)), l))
        .containsExactly(new Take("r", 100_000));
  }

  @Test
  void candidatesNeedAnIdAndAJoiningTime() {
    assertThatThrownBy(() -> new Candidate(null, T0, null, 1, 1, 1, 0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Candidate("a", null, null, 1, 1, 1, 0))
        .isInstanceOf(NullPointerException.class);
  }

  /** Property: never more than the cap, nobody twice, nobody above their limits. */
  @RepeatedTest(100)
  void planRespectsEveryLimit(RepetitionInfo info) {
    long seed = 31_337L * info.getCurrentRepetition();
    Random r = new Random(seed);
    Listing l = new Listing((1 + r.nextInt(400)) * 5_000L, 5_000, 5_000, r.nextInt(10_001));
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < r.nextInt(50); i++) {
      cs.add(
          new Candidate(
              "i" + i,
              T0.plusSeconds(r.nextInt(1000)),
              r.nextBoolean() ? null : T0.plusSeconds(r.nextInt(1000)),
              r.nextInt(200_000) + 1,
              r.nextInt(300_000),
              r.nextInt(500_000),
              r.nextInt(100_000)));
    }
    List<Take> plan = AutoInvestPlan.plan(cs, l);
    assertThat(plan.stream().mapToLong(Take::amountMinor).sum())
        .as("seed %s", seed)
        .isLessThanOrEqualTo(l.capMinor());
    assertThat(plan.stream().map(Take::investorId).distinct().count()).isEqualTo(plan.size());
    for (Take t : plan) {
      Candidate c =
          cs.stream().filter(x -> x.investorId().equals(t.investorId())).findFirst().orElseThrow();
      assertThat(t.amountMinor() % 5_000).isZero();
      assertThat(t.amountMinor())
          .as("seed %s", seed)
          .isGreaterThanOrEqualTo(5_000)
          .isLessThanOrEqualTo(c.maxPerListingMinor())
          .isLessThanOrEqualTo(c.authorisedLeftMinor())
          .isLessThanOrEqualTo(c.availableMinor() - c.reserveMinor());
    }
  }
}
