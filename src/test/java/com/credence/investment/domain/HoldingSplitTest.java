package com.credence.investment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.investment.domain.HoldingSplit.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class HoldingSplitTest {

  @Test
  void oneHoldingPerInvestorWithTheSumOfItsInvestments() {
    List<Part> holdings =
        HoldingSplit.holdings(
            List.of(
                new Part("a", "A", 5_000), new Part("b", "B", 3_000), new Part("a", "A", 2_000)),
            10_000);
    assertThat(holdings).containsExactly(new Part("a", "A", 7_000), new Part("b", "B", 3_000));
  }

  @Test
  void refusesPartsThatDoNotAddUp() {
    List<Part> parts = List.of(new Part("a", "A", 5_000));
    assertThatThrownBy(() -> HoldingSplit.holdings(parts, 5_001))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> HoldingSplit.holdings(parts, 4_999))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Part("a", "A", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Part("a", "A", 1).amountMinor()).isEqualTo(1);
  }

  @RepeatedTest(100)
  void principalsAddUpToTheLoan(RepetitionInfo info) {
    long seed = 104_729L * info.getCurrentRepetition();
    Random random = new Random(seed);
    List<Part> parts = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < 1 + random.nextInt(200); i++) {
      long amount = (1 + random.nextInt(100)) * 5_000L;
      String investor = "i" + random.nextInt(30);
      parts.add(new Part(investor, "acc-" + investor, amount));
      total += amount;
    }
    List<Part> holdings = HoldingSplit.holdings(parts, total);
    assertThat(holdings.stream().mapToLong(Part::amountMinor).sum())
        .as("seed %s", seed)
        .isEqualTo(total);
    assertThat(holdings.stream().map(Part::investorId).distinct().count())
        .isEqualTo(holdings.size())
        .isEqualTo(parts.stream().map(Part::investorId).distinct().count());
  }
}
