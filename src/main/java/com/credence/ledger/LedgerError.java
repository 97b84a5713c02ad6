package com.credence.ledger;

import java.util.Locale;

/** Every way the ledger refuses a transfer, with its HTTP status and stable API code. */
public enum LedgerError {
  INVALID_AMOUNT(400),
  INVALID_TRANSFER(400),
  ACCOUNT_NOT_FOUND(404),
  TRANSFER_NOT_FOUND(404),
  CURRENCY_MISMATCH(422),
  FLOW_NOT_ALLOWED(422),
  INSUFFICIENT_FUNDS(422),
  NOT_PENDING(422),
  PENDING_EXPIRED(422),
  EXCEEDS_PENDING_AMOUNT(422),
  TRANSFER_ID_REUSED(409),
  PENDING_ALREADY_RESOLVED(409),
  BATCH_TOO_LARGE(400);

  private final int status;

  LedgerError(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The stable code of API.md, equal to the constant's name. */
  public String code() {
    return name();
  }

  /** The key of the localized page message, e.g. {@code problem.ledger.insufficient-funds}. */
  public String messageKey() {
    return "problem.ledger." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
