package com.credence.investment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Auto-invest's plan for one listing: the fair order of the investors and how much each takes.
 *
 * <p>Fairness: the queue is ordered by when each investor was last served (never served first),
 * then by when they joined; serving an investor moves them to the back, so the same investors are
 * not always first. The listing's auto-invest share is a cap on the sum.
 */
public final class AutoInvestPlan {

  /**
   * One investor whose rule matches the listing.
   *
   * @param maxPerListingMinor the rule's limit per listing
   * @param authorisedLeftMinor what the authorisation still allows (limit minus used)
   * @param availableMinor the available balance
   * @param reserveMinor the balance the rule keeps untouched
   */
  public record Candidate(
      String investorId,
      Instant joinedAt,
      @Nullable Instant servedAt,
      long maxPerListingMinor,
      long authorisedLeftMinor,
      long availableMinor,
      long reserveMinor) {

    public Candidate {
      Objects.requireNonNull(investorId, "investorId");
      Objects.requireNonNull(joinedAt, "joinedAt");
    }
  }

  /** One planned bid. */
  public record Take(String investorId, long amountMinor) {}

  /** The listing's terms auto-invest needs. */
  public record Listing(long amountMinor, long minInvestmentMinor, long stepMinor, int shareBps) {

    public Listing {
      if (amountMinor <= 0 || minInvestmentMinor <= 0 || stepMinor <= 0) {
        throw new IllegalArgumentException("Amounts are positive");
      }
      if (shareBps < 0 || shareBps > 10_000) {
        throw new IllegalArgumentException("The share is 0-10000 basis points");
      }
    }

    /** The most auto-invest may take: the share of the amount, down to a multiple of the step. */
    public long capMinor() {
      long cap =
          Math.multiplyExact(amountMinor / 10_000, (long) shareBps)
              + amountMinor % 10_000 * shareBps / 10_000;
      return cap - cap % stepMinor;
    }
  }

  private AutoInvestPlan() {}

  /** The fair order: never served first, then least recently served, then earliest joined. */
  public static List<Candidate> order(List<Candidate> candidates) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(
        Comparator.comparing(
                Candidate::servedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Candidate::joinedAt)
            .thenComparing(Candidate::investorId));
    return ordered;
  }

  /** What one candidate takes given what is left of the cap; 0 when below the minimum. */
  public static long amountFor(Candidate c, Listing l, long capLeftMinor) {
    long spendable = Math.max(0, c.availableMinor() - c.reserveMinor());
    long amount =
        Math.min(
            Math.min(c.maxPerListingMinor(), c.authorisedLeftMinor()),
            Math.min(spendable, capLeftMinor));
    amount -= amount % l.stepMinor();
    return amount >= l.minInvestmentMinor() ? amount : 0;
  }

  /** The bids, in the fair order, never more than the cap together. */
  public static List<Take> plan(List<Candidate> candidates, Listing listing) {
    long left = listing.capMinor();
    List<Take> takes = new ArrayList<>();
    for (Candidate c : order(candidates)) {
      if (left < listing.minInvestmentMinor()) {
        break;
      }
      long amount = amountFor(c, listing, left);
      if (amount > 0) {
        takes.add(new Take(c.investorId(), amount));
        left -= amount;
      }
    }
    return takes;
  }
}
