package com.credence.ledger;

import com.credence.shared.Currency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transfer as stored: immutable once written. For a post or void, the accounts, currency and code
 * are those of the pending transfer; a void's amount is the pending amount it released. A split
 * transfer ({@link SplitTransfer}) has no credit account: its legs are credited.
 */
public record Transfer(
    TransferId id,
    TransferType type,
    AccountId debitAccountId,
    @Nullable AccountId creditAccountId,
    long amountMinor,
    Currency currency,
    TransferCode code,
    @Nullable TransferId pendingId,
    String reference,
    LocalDate businessDate,
    @Nullable Instant expiresAt,
    Instant createdAt) {

  /**
   * Whether a resubmitted command asks for exactly this transfer. Fields the command leaves open
   * (business date, and for posts and voids the accounts, currency and code) match anything.
   */
  public boolean matches(CreateTransfer command) {
    if (!id.equals(command.id())
        || type != command.type()
        || !reference.equals(command.reference())
        || !Objects.equals(pendingId, command.pendingId())) {
      return false;
    }
    if (command.businessDate() != null && !businessDate.equals(command.businessDate())) {
      return false;
    }
    boolean resolves = type.resolvesPending();
    return openOrEqual(resolves, command.debitAccountId(), debitAccountId)
        && openOrEqual(resolves, command.creditAccountId(), creditAccountId)
        && openOrEqual(resolves, command.currency(), currency)
        && openOrEqual(resolves, command.code(), code)
        && (type == TransferType.VOID_PENDING || amountMinor == command.amountMinor())
        && Objects.equals(
            expiresAt, command.timeout() == null ? null : createdAt.plus(command.timeout()));
  }

  private static boolean openOrEqual(boolean mayBeOpen, @Nullable Object given, Object stored) {
    return given == null ? mayBeOpen : given.equals(stored);
  }
}
