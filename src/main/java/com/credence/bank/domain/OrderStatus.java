package com.credence.bank.domain;

/**
 * The life of a deposit or withdrawal order. PENDING waits for the bank's answer; UNKNOWN means we
 * could not learn the outcome (a timeout, a lost callback) and the janitor asks the bank until it
 * knows. SUCCEEDED and FAILED are final: an order settles at most once.
 */
public enum OrderStatus {
  PENDING,
  UNKNOWN,
  SUCCEEDED,
  FAILED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }

  /** Whether an order in this status may move to {@code next}. */
  public boolean canBecome(OrderStatus next) {
    return switch (this) {
      case PENDING -> next != PENDING;
      case UNKNOWN -> next != UNKNOWN;
      case SUCCEEDED, FAILED -> false;
    };
  }

  /** The status shown to the customer: an unknown outcome is still pending for them. */
  public OrderStatus publicStatus() {
    return this == UNKNOWN ? PENDING : this;
  }
}
