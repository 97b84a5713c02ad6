package com.credence.repayment.domain;

import com.credence.shared.Invariants;
import com.credence.shared.LargestRemainder;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one installment is shared among the loan's holdings. The platform's service fee is a share of
 * the interest, rounded HALF_UP to the fen once per installment; the principal and the interest
 * after the fee are each split by the largest-remainder method in proportion to the holdings'
 * principals, so the holders' parts add up to them exactly.
 */
public final class HolderSplit {

  private static final BigDecimal BPS_PER_ONE = BigDecimal.valueOf(10_000);

  private HolderSplit() {}

  /**
   * @param serviceFeeMinor the platform's fee out of the interest
   * @param principalMinor each holding's principal part, in the order of the weights
   * @param interestMinor each holding's interest part after the fee
   */
  public record Parts(long serviceFeeMinor, long[] principalMinor, long[] interestMinor) {}

  /** The service fee on an installment's interest: interest x bps / 10,000, HALF_UP to the fen. */
  public static long serviceFeeMinor(long interestMinor, int serviceFeeBps) {
    if (interestMinor < 0 || serviceFeeBps < 0 || serviceFeeBps > 10_000) {
      throw new IllegalArgumentException("Invalid interest or fee rate");
    }
    return BigDecimal.valueOf(interestMinor)
        .multiply(BigDecimal.valueOf(serviceFeeBps))
        .divide(BPS_PER_ONE, 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** Splits an installment's principal and interest (after the service fee) among the holdings. */
  public static Parts split(
      long principalMinor, long interestMinor, int serviceFeeBps, long[] holdingWeights) {
    long fee = serviceFeeMinor(interestMinor, serviceFeeBps);
    long[] principal = LargestRemainder.split(principalMinor, holdingWeights);
    long[] interest = LargestRemainder.split(interestMinor - fee, holdingWeights);
    // Invariant: the holders' parts plus the fee are the installment, to the fen.
    Invariants.check(
        sum(principal) == principalMinor && sum(interest) + fee == interestMinor,
        "holder parts do not add up to the installment");
    return new Parts(fee, principal, interest);
  }

  static long sum(long[] parts) {
    long total = 0;
    for (long part : parts) {
      total = Math.addExact(total, part);
    }
    return total;
  }
}
