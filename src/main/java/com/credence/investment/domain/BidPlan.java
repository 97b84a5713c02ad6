package com.credence.investment.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides a batch of bids on one listing in arrival order against the remaining amount, in memory:
 * the sequencer's core. The database checks the sum again when the batch is written.
 *
 * <p>Invariant: the accepted amounts never add up to more than the remaining amount.
 */
public final class BidPlan {

  /**
   * One bid as the sequencer received it.
   *
   * @param investorId who bids (with {@code key} the idempotency scope)
   * @param key the request's idempotency key
   * @param requestHash the hash of the request body; the same key with another hash is refused
   * @param amountMinor the amount asked for, already a valid multiple of the step
   * @param takeRemaining take what remains when the amount is more than that
   */
  public record Bid(
      String investorId, String key, String requestHash, long amountMinor, boolean takeRemaining) {

    public Bid {
      Objects.requireNonNull(investorId, "investorId");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(requestHash, "requestHash");
      if (amountMinor <= 0) {
        throw new IllegalArgumentException("A bid is positive");
      }
    }
  }

  /** What happens to one bid. */
  public enum Outcome {
    /** Accepted for {@link Decision#amountMinor()} (the bid, or what remained). */
    ACCEPTED,
    /** The same investor and key earlier in the batch with the same body: answer as that one. */
    SAME_AS_EARLIER,
    /** The same investor and key earlier in the batch with another body. */
    KEY_REUSED,
    /** More than remains, and the investor did not ask to take the rest. */
    EXCEEDS_REMAINING
  }

  /**
   * @param amountMinor the accepted amount (0 unless ACCEPTED)
   * @param earlierIndex for SAME_AS_EARLIER the index of the bid it repeats, otherwise -1
   */
  public record Decision(Outcome outcome, long amountMinor, int earlierIndex) {}

  private BidPlan() {}

  /** The decisions, one per bid in the same order, given the amount that remains. */
  public static List<Decision> decide(long remainingMinor, List<Bid> bids) {
    if (remainingMinor < 0) {
      throw new IllegalArgumentException("Remaining amount is negative");
    }
    long left = remainingMinor;
    List<Decision> decisions = new ArrayList<>(bids.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < bids.size(); i++) {
      Bid bid = bids.get(i);
      Integer earlier = seen.putIfAbsent(bid.investorId() + "\n" + bid.key(), i);
      if (earlier != null) {
        boolean same = bids.get(earlier).requestHash().equals(bid.requestHash());
        decisions.add(
            same
                ? new Decision(Outcome.SAME_AS_EARLIER, 0, earlier)
                : new Decision(Outcome.KEY_REUSED, 0, -1));
        continue;
      }
      long take = bid.amountMinor() <= left ? bid.amountMinor() : bid.takeRemaining() ? left : 0;
      if (take == 0) {
        decisions.add(new Decision(Outcome.EXCEEDS_REMAINING, 0, -1));
      } else {
        left -= take;
        decisions.add(new Decision(Outcome.ACCEPTED, take, -1));
      }
    }
    return decisions;
  }
}
