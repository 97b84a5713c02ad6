package com.credence.ledger;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one transfer of a batch.
 *
 * @param transfer the stored transfer when created now or earlier, null when refused
 * @param error why it was refused, null otherwise
 */
public record TransferResult(
    TransferId id,
    Status status,
    @Nullable Transfer transfer,
    @Nullable LedgerError error,
    @Nullable String detail) {

  public enum Status {
    /** Written by this call. */
    CREATED,
    /** The same transfer was written before (idempotent replay); nothing moved now. */
    ALREADY_EXISTS,
    /** Refused; nothing of it was written. */
    REFUSED
  }

  public static TransferResult created(Transfer transfer) {
    return new TransferResult(transfer.id(), Status.CREATED, transfer, null, null);
  }

  public static TransferResult alreadyExists(Transfer transfer) {
    return new TransferResult(transfer.id(), Status.ALREADY_EXISTS, transfer, null, null);
  }

  public static TransferResult refused(TransferId id, LedgerError error, String detail) {
    return new TransferResult(id, Status.REFUSED, null, error, detail);
  }

  public boolean accepted() {
    return status != Status.REFUSED;
  }

  /** The refusal as its typed exception. */
  public LedgerException toException() {
    if (error == null) {
      throw new IllegalStateException("Transfer " + id + " was not refused");
    }
    return LedgerException.of(error, detail == null ? error.code() : detail);
  }
}
