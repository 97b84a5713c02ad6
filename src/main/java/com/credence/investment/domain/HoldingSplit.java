package com.credence.investment.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the accepted investments of a funded listing into holdings: one per investor, with the sum
 * of that investor's investments as its exact principal.
 *
 * <p>Invariant: the holdings' principals add up to the loan's principal.
 */
public final class HoldingSplit {

  /** One accepted investment (or an investor's part of it). */
  public record Part(String investorId, String accountId, long amountMinor) {

    public Part {
      Objects.requireNonNull(investorId, "investorId");
      Objects.requireNonNull(accountId, "accountId");
      if (amountMinor <= 0) {
        throw new IllegalArgumentException("A part is positive");
      }
    }
  }

  private HoldingSplit() {}

  /**
   * The holdings, in the order of each investor's first investment.
   *
   * @throws IllegalStateException when the parts do not add up to {@code principalMinor}
   */
  public static List<Part> holdings(List<Part> investments, long principalMinor) {
    Map<String, Part> byInvestor = new LinkedHashMap<>();
    long total = 0;
    for (Part p : investments) {
      total = Math.addExact(total, p.amountMinor());
      byInvestor.merge(
          p.investorId(),
          p,
          (a, b) ->
              new Part(
                  a.investorId(), a.accountId(), Math.addExact(a.amountMinor(), b.amountMinor())));
    }
    if (total != principalMinor) {
      throw new IllegalStateException(
          "Investments add up to " + total + " fen, not the principal " + principalMinor);
    }
    return new ArrayList<>(byInvestor.values());
  }
}
