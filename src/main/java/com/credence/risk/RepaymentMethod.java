package com.credence.risk;

/** How a loan is repaid, as API.md names it; used here to price the all-in cost. */
public enum RepaymentMethod {
  EQUAL_INSTALLMENT,
  EQUAL_PRINCIPAL,
  INTEREST_FIRST,
  BULLET
}
