package com.credence.investment;

/** A listing's life (API.md "Investing"). */
public enum ListingStatus {
  OPEN,
  FULL,
  FAILED,
  REPAYING,
  SETTLED,
  DEFAULTED
}
