package com.credence.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an account is for. The kind decides the account's flags and, through the allowed-flows
 * table, which accounts it may pay and be paid by.
 */
public enum AccountKind {
  /** An investor's money at the custodian bank (出借人资金). Owner: the user. */
  INVESTOR_FUNDS(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
  /** A borrower's money at the custodian bank (借款人资金). Owner: the user. */
  BORROWER_FUNDS(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
  /**
   * Money of one loan in transit between its investors and its borrower. Owner: the listing or
   * loan.
   */
  LOAN_ESCROW(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
  /** Fees written into contracts, the platform's only income. Owner: the platform. */
  PLATFORM_FEE_INCOME(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
  /**
   * The contra account for money entering and leaving through the custodian bank: debited by
   * deposits, credited by withdrawals. Its balance is minus the money held at the bank.
   */
  BANK_SETTLEMENT(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);

  private final AccountFlag flag;

  AccountKind(AccountFlag flag) {
    this.flag = flag;
  }

  /** The flags every account of this kind carries. */
  public Set<AccountFlag> defaultFlags() {
    return EnumSet.of(flag);
  }

  /** Customer and escrow accounts never go negative (debits within credits). */
  public boolean isCreditNormal() {
    return flag == AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS;
  }
}
