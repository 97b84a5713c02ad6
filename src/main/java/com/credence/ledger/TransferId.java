package com.credence.ledger;

import com.credence.shared.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of a transfer, chosen by the caller before the first attempt. It is the idempotency key:
 * submitting the same id again with the same fields returns the existing transfer.
 */
public record TransferId(UUID value) {

  public TransferId {
    Objects.requireNonNull(value, "value");
  }

  public static TransferId newId(Clock clock) {
    return new TransferId(Ids.newId(clock));
  }

  public static TransferId of(String text) {
    return new TransferId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
