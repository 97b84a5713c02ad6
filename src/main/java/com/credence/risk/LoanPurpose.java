package com.credence.risk;

/**
 * What the money is for. The last group (securities, futures, derivatives, margin trading) is never
 * financed (2016 interim measures, art. 10 (11)); the refused set is the setting {@code
 * credence.risk.refused-purposes}.
 */
public enum LoanPurpose {
  NEW_CAR,
  USED_CAR,
  FURNITURE,
  ELECTRONICS,
  HOME_APPLIANCES,
  HOME_REPAIR,
  EDUCATION,
  TRAVEL,
  VOCATIONAL_TRAINING,
  BUSINESS,
  OTHER,
  STOCKS,
  FUTURES,
  DERIVATIVES,
  MARGIN_TRADING
}
