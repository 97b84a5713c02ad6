package com.credence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LargestRemainderTest {

  @Test
  void splitsAHundredFenAmongThreeEqualHolders() {
    assertThat(LargestRemainder.split(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
  }

  @Test
  void givesLeftoverUnitsToTheLargestRemainders() {
    // Exact shares: 10 * 5/10 = 5, 10 * 3/10 = 3, 10 * 2/10 = 2: no leftover.
    assertThat(LargestRemainder.split(10, new long[] {5, 3, 2})).containsExactly(5, 3, 2);
    // Exact shares of 7: 3.5, 2.1, 1.4 -> floors 3, 2, 1 and one leftover to the .5 remainder.
    assertThat(LargestRemainder.split(7, new long[] {5, 3, 2})).containsExactly(4, 2, 1);
    // Exact shares of 8: 4.0, 2.4, 1.6 -> floors 4, 2, 1 and the leftover to the .6 remainder.
    assertThat(LargestRemainder.split(8, new long[] {5, 3, 2})).containsExactly(4, 2, 2);
  }

  @Test
  void zeroWeightsGetNothingAndZeroTotalsGiveZeros() {
    assertThat(LargestRemainder.split(5, new long[] {0, 1, 0})).containsExactly(0, 5, 0);
    assertThat(LargestRemainder.split(0, new long[] {3, 4})).containsExactly(0, 0);
  }

  @Test
  void refusesWhatCannotBeSplit() {
    assertThatThrownBy(() -> LargestRemainder.split(-1, new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LargestRemainder.split(1, new long[] {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LargestRemainder.split(1, new long[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LargestRemainder.split(1, new long[] {1, -1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 7L, 20261125L, 424242L})
  void partsAlwaysAddUpAndStayWithinOneFenOfTheExactShare(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 1_000; round++) {
      int holders = 1 + random.nextInt(100);
      long[] weights = new long[holders];
      for (int i = 0; i < holders; i++) {
        weights[i] = random.nextInt(10) == 0 ? 0 : 5_000 + random.nextInt(100_000_000);
      }
      if (Arrays.stream(weights).sum() == 0) {
        weights[0] = 1;
      }
      long total = Math.floorMod(random.nextLong(), 10_000_000_000L);
      long[] parts = LargestRemainder.split(total, weights);

      assertThat(Arrays.stream(parts).sum()).as("seed %d round %d", seed, round).isEqualTo(total);
      BigInteger weightSum = BigInteger.valueOf(Arrays.stream(weights).sum());
      for (int i = 0; i < holders; i++) {
        // |part - total * w / W| < 1  <=>  |part * W - total * w| < W
        BigInteger deviation =
            BigInteger.valueOf(parts[i])
                .multiply(weightSum)
                .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])))
                .abs();
        assertThat(deviation)
            .as("seed %d round %d holder %d", seed, round, i)
            .isLessThan(weightSum);
        assertThat(parts[i]).isNotNegative();
        if (weights[i] == 0) {
          assertThat(parts[i]).isZero();
        }
      }
    }
  }

  @Test
  void equalWeightsGetPartsThatDifferByAtMostOneFen() {
    Random random = new Random(99);
    for (int round = 0; round < 1_000; round++) {
      long[] weights = new long[1 + random.nextInt(50)];
      Arrays.fill(weights, 1 + random.nextInt(1_000));
      long[] parts = LargestRemainder.split(random.nextInt(1_000_000), weights);
      assertThat(
              Arrays.stream(parts).max().orElseThrow() - Arrays.stream(parts).min().orElseThrow())
          .isLessThanOrEqualTo(1);
    }
  }
}
