package com.credence.shared;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an amount of minor units among parts in proportion to their weights so that the parts
 * always add up to the whole exactly (the largest-remainder method). Each part first gets the floor
 * of its exact share; the units left over go one each to the parts with the largest remainders,
 * ties broken by position, so the result is deterministic.
 */
public final class LargestRemainder {

  private LargestRemainder() {}

  /**
   * @param totalMinor the amount to split, not negative
   * @param weights the parts' weights (e.g. holding principals), not negative, not all zero
   * @return the parts, in the order of the weights, summing to {@code totalMinor}
   */
  public static long[] split(long totalMinor, long[] weights) {
    if (totalMinor < 0) {
      throw new IllegalArgumentException("Cannot split a negative amount: " + totalMinor);
    }
    if (weights.length == 0) {
      throw new IllegalArgumentException("Nothing to split among");
    }
    long weightSum = 0;
    for (long weight : weights) {
      if (weight < 0) {
        throw new IllegalArgumentException("Negative weight: " + weight);
      }
      weightSum = Math.addExact(weightSum, weight);
    }
    if (weightSum == 0) {
      throw new IllegalArgumentException("All weights are zero");
    }
    long[] parts = new long[weights.length];
    long[] remainders = new long[weights.length];
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      // Exact integer arithmetic: total * weight fits in 128 bits; use multiplyHigh-free
      // BigInteger.
      java.math.BigInteger[] quotientAndRemainder =
          java.math.BigInteger.valueOf(totalMinor)
              .multiply(java.math.BigInteger.valueOf(weights[i]))
              .divideAndRemainder(java.math.BigInteger.valueOf(weightSum));
      parts[i] = quotientAndRemainder[0].longValueExact();
      remainders[i] = quotientAndRemainder[1].longValueExact();
      assigned += parts[i];
    }
    long leftover = totalMinor - assigned;
    Invariants.check(
        leftover >= 0 && leftover < weights.length,
        "leftover %d of %d parts",
        leftover,
        weights.length);
    Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparingInt(i -> i));
    for (int k = 0; k < leftover; k++) {
      parts[order[k]]++;
    }
    Invariants.check(Arrays.stream(parts).sum() == totalMinor, "parts must add up to the whole");
    return parts;
  }
}
