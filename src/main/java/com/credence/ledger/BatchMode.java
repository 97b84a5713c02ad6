package com.credence.ledger;

/** How a batch of transfers reacts to a transfer that is refused. */
public enum BatchMode {
  /**
   * All or nothing: the first refused transfer throws its {@link LedgerException} and nothing of
   * the batch is written.
   */
  ATOMIC,
  /**
   * Each transfer on its own: refused transfers write nothing and report their error in their
   * {@link TransferResult}; the accepted ones commit together in one transaction. Transfers are
   * applied in list order, so a later one sees the effects of the earlier accepted ones.
   */
  EACH
}
