package com.credence.origination;

/** The loan products a borrower can apply for (API.md "Borrowing"). */
public enum ProductType {
  /** 个人信用贷: an unsecured personal loan. */
  CREDIT,
  /** 车辆抵押贷: a loan secured by a vehicle pledged through the collateral registry. */
  CAR,
  /** 小微企业贷: a loan to a small business, applied for by its legal representative. */
  BUSINESS
}
