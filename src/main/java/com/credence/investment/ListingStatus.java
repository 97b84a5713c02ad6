package com.credence.investment;

/**
 * A listing's life (API.md "Investing"): {@code OPEN -> FULL -> REPAYING -> SETTLED | DEFAULTED},
 * {@code OPEN -> FAILED}, or, when the product allows a partial loan and enough was raised by the
 * deadline, {@code OPEN -> OFFERED -> FULL} (the borrower accepts) or {@code OFFERED -> FAILED}
 * (declined, or no answer within the window).
 */
public enum ListingStatus {
  OPEN,
  FULL,
  OFFERED,
  FAILED,
  REPAYING,
  SETTLED,
  DEFAULTED
}
