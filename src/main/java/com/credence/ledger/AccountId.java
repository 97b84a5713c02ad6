package com.credence.ledger;

import com.credence.shared.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** The id of a ledger account, a time-ordered UUIDv7. */
public record AccountId(UUID value) implements Comparable<AccountId> {

  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId newId(Clock clock) {
    return new AccountId(Ids.newId(clock));
  }

  public static AccountId of(String text) {
    return new AccountId(UUID.fromString(text));
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
