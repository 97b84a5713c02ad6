package com.credence.ledger;

import com.credence.shared.Currency;
import com.credence.shared.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The command to create one transfer. The ledger validates the amount, accounts, currency, flow and
 * balances; only the shape (ids, type) is checked here, so that a bad amount is a typed {@link
 * LedgerException.InvalidAmount} rather than a construction error.
 *
 * <p>For {@link TransferType#POST_PENDING} and {@link TransferType#VOID_PENDING} the accounts,
 * currency and code come from the pending transfer; when given they must match it.
 *
 * @param id the caller's id, also the idempotency key
 * @param businessDate the Asia/Shanghai business date; null means today
 * @param timeout for pending transfers only: after it the pending transfer can no longer be posted
 *     and is voided by the expiry job; null means it never expires
 */
public record CreateTransfer(
    TransferId id,
    TransferType type,
    @Nullable AccountId debitAccountId,
    @Nullable AccountId creditAccountId,
    long amountMinor,
    @Nullable Currency currency,
    @Nullable TransferCode code,
    @Nullable TransferId pendingId,
    String reference,
    @Nullable LocalDate businessDate,
    @Nullable Duration timeout) {

  public CreateTransfer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reference, "reference");
  }

  /** Moves posted money at once. */
  public static CreateTransfer single(
      TransferId id,
      AccountId debit,
      AccountId credit,
      Money amount,
      TransferCode code,
      String reference) {
    return single(id, debit, credit, amount.amountMinor(), amount.currency(), code, reference);
  }

  public static CreateTransfer single(
      TransferId id,
      AccountId debit,
      AccountId credit,
      long amountMinor,
      Currency currency,
      TransferCode code,
      String reference) {
    return new CreateTransfer(
        id,
        TransferType.SINGLE_PHASE,
        debit,
        credit,
        amountMinor,
        currency,
        code,
        null,
        reference,
        null,
        null);
  }

  /** Reserves (freezes) money until posted, voided or expired. */
  public static CreateTransfer pending(
      TransferId id,
      AccountId debit,
      AccountId credit,
      Money amount,
      TransferCode code,
      String reference,
      @Nullable Duration timeout) {
    return new CreateTransfer(
        id,
        TransferType.PENDING,
        debit,
        credit,
        amount.amountMinor(),
        amount.currency(),
        code,
        null,
        reference,
        null,
        timeout);
  }

  /** Posts {@code amountMinor} of a pending transfer (all or part); the rest is released. */
  public static CreateTransfer post(
      TransferId id, TransferId pendingId, long amountMinor, String reference) {
    return new CreateTransfer(
        id,
        TransferType.POST_PENDING,
        null,
        null,
        amountMinor,
        null,
        null,
        pendingId,
        reference,
        null,
        null);
  }

  /** Releases a pending transfer. */
  public static CreateTransfer voidPending(TransferId id, TransferId pendingId, String reference) {
    return new CreateTransfer(
        id, TransferType.VOID_PENDING, null, null, 0, null, null, pendingId, reference, null, null);
  }

  /** The same command booked on another business date (e.g. an end-of-day run after midnight). */
  public CreateTransfer onBusinessDate(LocalDate date) {
    return new CreateTransfer(
        id,
        type,
        debitAccountId,
        creditAccountId,
        amountMinor,
        currency,
        code,
        pendingId,
        reference,
        date,
        timeout);
  }
}
