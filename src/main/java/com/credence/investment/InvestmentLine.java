package com.credence.investment;

/**
 * One of an investor's investments, with the listing it went to, for "my investments".
 *
 * @param listingTitle the listing's title
 * @param listingStatus where the listing stands now
 */
public record InvestmentLine(
    InvestmentView investment, String listingTitle, ListingStatus listingStatus) {

  /** {@link #shown()} of an investment whose listing failed and whose freeze is not yet voided. */
  public static final String REFUNDING = "REFUNDING";

  /**
   * The investment's state as its investor would name it: its status, except REFUNDING while its
   * listing has failed and the freeze is still waiting for its chunk to be voided (ADR 0022). The
   * money is still frozen then, so the API's {@code status} stays FROZEN.
   */
  public String shown() {
    return "FROZEN".equals(investment.status()) && listingStatus == ListingStatus.FAILED
        ? REFUNDING
        : investment.status();
  }
}
