package com.credence.ledger;

/** The phase a transfer row belongs to. */
public enum TransferType {
  /** Moves posted money at once. */
  SINGLE_PHASE,
  /** Reserves money (a freeze): moves pending debits and credits, to be posted or voided later. */
  PENDING,
  /** Posts all or part of a pending transfer; the rest of the reservation is released. */
  POST_PENDING,
  /** Releases a pending transfer without moving money (also on expiry). */
  VOID_PENDING;

  public boolean resolvesPending() {
    return this == POST_PENDING || this == VOID_PENDING;
  }

  public boolean movesPostedMoney() {
    return this == SINGLE_PHASE || this == POST_PENDING;
  }
}
