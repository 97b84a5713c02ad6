package com.credence.investment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.investment.domain.BidPlan.Bid;
import com.credence.investment.domain.BidPlan.Decision;
import com.credence.investment.domain.BidPlan.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class BidPlanTest {

  private static Bid bid(String investor, String key, long amount, boolean takeRemaining) {
    return new Bid(investor, key, "h-" + amount + "-" + takeRemaining, amount, takeRemaining);
  }

  @Test
  void acceptsInArrivalOrderUntilTheRemainingAmountIsUsed() {
    List<Decision> d =
        BidPlan.decide(
            10_000,
            List.of(
                bid("a", "1", 6_000, false),
                bid("b", "1", 5_000, false),
                bid("c", "1", 4_000, false)));
    assertThat(d)
        .containsExactly(
            new Decision(Outcome.ACCEPTED, 6_000, -1),
            new Decision(Outcome.EXCEEDS_REMAINING, 0, -1),
            new Decision(Outcome.ACCEPTED, 4_000, -1));
  }

  @Test
  void takesWhatRemainsWhenAsked() {
    List<Decision> d =
        BidPlan.decide(10_000, List.of(bid("a", "1", 8_000, false), bid("b", "1", 5_000, true)));
    assertThat(d.get(1)).isEqualTo(new Decision(Outcome.ACCEPTED, 2_000, -1));
  }

  @Test
  void aBidOfExactlyTheRemainingAmountIsAccepted() {
    assertThat(BidPlan.decide(5_000, List.of(bid("a", "1", 5_000, false))).get(0))
        .isEqualTo(new Decision(Outcome.ACCEPTED, 5_000, -1));
  }

  @Test
  void nothingRemainsNothingIsTakenEvenWhenAsked() {
    assertThat(BidPlan.decide(0, List.of(bid("a", "1", 5_000, true))).get(0))
        .isEqualTo(new Decision(Outcome.EXCEEDS_REMAINING, 0, -1));
  }

  @Test
  void theSameKeyTwiceIsOneBid() {
    List<Decision> d =
        BidPlan.decide(
            10_000,
            List.of(
                bid("a", "k", 5_000, false),
                bid("a", "k", 5_000, false),
                bid("a", "k", 6_000, false),
                bid("b", "k", 5_000, false)));
    assertThat(d)
        .containsExactly(
            new Decision(Outcome.ACCEPTED, 5_000, -1),
            new Decision(Outcome.SAME_AS_EARLIER, 0, 0),
            new Decision(Outcome.KEY_REUSED, 0, -1),
            new Decision(Outcome.ACCEPTED, 5_000, -1));
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> BidPlan.decide(-1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bid("a", "k", 0, false)).isInstanceOf(IllegalArgumentException.class);
    assertThat(BidPlan.decide(0, List.of())).isEmpty();
    assertThat(bid("a", "k", 1, false).amountMinor()).isEqualTo(1);
  }

  /** Property: never more than remains, every decision in order, greedy and exact. */
  @RepeatedTest(200)
  void neverAcceptsMoreThanRemains(RepetitionInfo info) {
    long seed = 7919L * info.getCurrentRepetition();
    Random random = new Random(seed);
    long remaining = random.nextInt(100) * 5_000L;
    List<Bid> bids = new ArrayList<>();
    int n = random.nextInt(60);
    for (int i = 0; i < n; i++) {
      bids.add(
          bid(
              "i" + random.nextInt(10),
              "k" + random.nextInt(30),
              (1 + random.nextInt(40)) * 5_000L,
              random.nextBoolean()));
    }
    List<Decision> decisions = BidPlan.decide(remaining, bids);
    assertThat(decisions).as("seed %s", seed).hasSize(n);
    long left = remaining;
    for (int i = 0; i < n; i++) {
      Decision d = decisions.get(i);
      Bid b = bids.get(i);
      if (d.outcome() == Outcome.ACCEPTED) {
        long expected = b.amountMinor() <= left ? b.amountMinor() : left;
        assertThat(d.amountMinor()).as("seed %s bid %s", seed, i).isEqualTo(expected).isPositive();
        left -= d.amountMinor();
      } else if (d.outcome() == Outcome.EXCEEDS_REMAINING) {
        assertThat(b.amountMinor() > left && (!b.takeRemaining() || left == 0))
            .as("seed %s bid %s refused only when it does not fit", seed, i)
            .isTrue();
      }
    }
    assertThat(left).as("seed %s", seed).isBetween(0L, remaining);
  }
}
