package com.credence.ledger;

import com.credence.shared.Currency;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The command to create one split transfer: a single-phase transfer that debits one account and
 * credits many, one leg each (ADR 0024). It moves exactly what the same legs as separate transfers
 * would, and is checked leg by leg the same way; it is written as one transfer and one narrow row
 * per leg. No account may appear in two legs, nor be the debited one.
 *
 * @param id the caller's id of the whole transfer
 * @param legs at least one, at most {@link #LEGS_MAX}
 * @param businessDate the Asia/Shanghai business date; null means today
 */
public record CreateSplitTransfer(
    TransferId id,
    AccountId debitAccountId,
    List<Leg> legs,
    Currency currency,
    TransferCode code,
    String reference,
    @Nullable LocalDate businessDate) {

  /** More legs than this are refused (a loan has far fewer holders). */
  public static final int LEGS_MAX = 100_000;

  /** One credited account and what it receives. */
  public record Leg(AccountId creditAccountId, long amountMinor) {
    public Leg {
      Objects.requireNonNull(creditAccountId, "creditAccountId");
    }
  }

  public CreateSplitTransfer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(debitAccountId, "debitAccountId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reference, "reference");
    legs = List.copyOf(legs);
  }

  /** The same command on a given business date. */
  public CreateSplitTransfer onBusinessDate(LocalDate date) {
    return new CreateSplitTransfer(id, debitAccountId, legs, currency, code, reference, date);
  }
}
