package com.credence.bank.domain;

/** Money in (充值) or out (提现). */
public enum OrderKind {
  DEPOSIT,
  WITHDRAWAL
}
