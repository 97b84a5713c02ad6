package com.credence.ledger;

import com.credence.shared.ProblemException;

/**
 * A transfer the ledger refuses. Nothing was written when it is thrown. Each {@link LedgerError}
 * has its own subclass so callers can catch the rule they care about.
 */
public abstract sealed class LedgerException extends ProblemException {

  private final LedgerError error;

  LedgerException(LedgerError error, String detail) {
    super(error.status(), error.code(), detail, error.messageKey());
    this.error = error;
  }

  public LedgerError error() {
    return error;
  }

  /** The exception of the given error's own type. */
  public static LedgerException of(LedgerError error, String detail) {
    return switch (error) {
      case INVALID_AMOUNT -> new InvalidAmount(detail);
      case INVALID_TRANSFER -> new InvalidTransfer(detail);
      case ACCOUNT_NOT_FOUND -> new AccountNotFound(detail);
      case TRANSFER_NOT_FOUND -> new TransferNotFound(detail);
      case CURRENCY_MISMATCH -> new CurrencyMismatch(detail);
      case FLOW_NOT_ALLOWED -> new FlowNotAllowed(detail);
      case INSUFFICIENT_FUNDS -> new InsufficientFunds(detail);
      case NOT_PENDING -> new NotPending(detail);
      case PENDING_EXPIRED -> new PendingExpired(detail);
      case EXCEEDS_PENDING_AMOUNT -> new ExceedsPendingAmount(detail);
      case TRANSFER_ID_REUSED -> new TransferIdReused(detail);
      case PENDING_ALREADY_RESOLVED -> new PendingAlreadyResolved(detail);
      case BATCH_TOO_LARGE -> new BatchTooLarge(detail);
    };
  }

  /** Zero, negative or overflowing amount. */
  public static final class InvalidAmount extends LedgerException {
    InvalidAmount(String detail) {
      super(LedgerError.INVALID_AMOUNT, detail);
    }
  }

  /** A malformed command: same account on both sides, missing or too long reference. */
  public static final class InvalidTransfer extends LedgerException {
    InvalidTransfer(String detail) {
      super(LedgerError.INVALID_TRANSFER, detail);
    }
  }

  public static final class AccountNotFound extends LedgerException {
    AccountNotFound(String detail) {
      super(LedgerError.ACCOUNT_NOT_FOUND, detail);
    }
  }

  /** The pending transfer to post or void does not exist. */
  public static final class TransferNotFound extends LedgerException {
    TransferNotFound(String detail) {
      super(LedgerError.TRANSFER_NOT_FOUND, detail);
    }
  }

  public static final class CurrencyMismatch extends LedgerException {
    CurrencyMismatch(String detail) {
      super(LedgerError.CURRENCY_MISMATCH, detail);
    }
  }

  /** The pair of account kinds and the code are not in the allowed-flows table (no fund pool). */
  public static final class FlowNotAllowed extends LedgerException {
    FlowNotAllowed(String detail) {
      super(LedgerError.FLOW_NOT_ALLOWED, detail);
    }
  }

  /** The transfer would take a flagged account below zero. */
  public static final class InsufficientFunds extends LedgerException {
    InsufficientFunds(String detail) {
      super(LedgerError.INSUFFICIENT_FUNDS, detail);
    }
  }

  /** A post or void names a transfer that is not pending. */
  public static final class NotPending extends LedgerException {
    NotPending(String detail) {
      super(LedgerError.NOT_PENDING, detail);
    }
  }

  /** A post names a pending transfer whose timeout has passed. */
  public static final class PendingExpired extends LedgerException {
    PendingExpired(String detail) {
      super(LedgerError.PENDING_EXPIRED, detail);
    }
  }

  /** A post of more than was reserved. */
  public static final class ExceedsPendingAmount extends LedgerException {
    ExceedsPendingAmount(String detail) {
      super(LedgerError.EXCEEDS_PENDING_AMOUNT, detail);
    }
  }

  /** The transfer id exists with different fields. */
  public static final class TransferIdReused extends LedgerException {
    TransferIdReused(String detail) {
      super(LedgerError.TRANSFER_ID_REUSED, detail);
    }
  }

  /** The pending transfer was already posted or voided. */
  public static final class PendingAlreadyResolved extends LedgerException {
    PendingAlreadyResolved(String detail) {
      super(LedgerError.PENDING_ALREADY_RESOLVED, detail);
    }
  }

  public static final class BatchTooLarge extends LedgerException {
    BatchTooLarge(String detail) {
      super(LedgerError.BATCH_TOO_LARGE, detail);
    }
  }
}
