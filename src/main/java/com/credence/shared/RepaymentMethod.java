package com.credence.shared;

/** How a loan is repaid (API.md "Borrowing"). */
public enum RepaymentMethod {
  /** 等额本息: the same total every month; interest on the outstanding principal. */
  EQUAL_INSTALLMENT,
  /** 等额本金: the same principal every month, plus interest on the outstanding principal. */
  EQUAL_PRINCIPAL,
  /** 先息后本: interest every month, all principal with the last installment. */
  INTEREST_FIRST,
  /** 到期还本付息: principal and all interest in one installment at maturity. */
  BULLET
}
