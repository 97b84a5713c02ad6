package com.credence.ledger;

/** Why money moved. Together with the two account kinds it must match the allowed-flows table. */
public enum TransferCode {
  /** Money arriving from the custodian bank (充值). */
  DEPOSIT,
  /** Money leaving to the custodian bank (提现). */
  WITHDRAWAL,
  /**
   * An investor's money towards a loan's escrow; usually a pending transfer (freeze) until full
   * funding.
   */
  INVESTMENT,
  /** Escrowed investment money returned to the investor (listing failed). */
  REFUND,
  /** Escrowed money paid to the borrower when the listing is full (放款). */
  DISBURSEMENT,
  /** A borrower's installment into the loan's escrow (还款). */
  REPAYMENT,
  /** The loan's escrow paying a holder its share of a repayment (回款). */
  DISTRIBUTION,
  /** A fee written into the contract, paid to the platform. */
  FEE,
  /** A buyer paying a seller for a holding on the secondary market (债权转让). */
  RESALE,
  /** A correction: moves the amount of an earlier transfer back, along the reversed flow. */
  REVERSAL
}
