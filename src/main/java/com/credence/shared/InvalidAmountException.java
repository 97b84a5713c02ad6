package com.credence.shared;

/** An amount given by a client that is not a valid money amount. */
public final class InvalidAmountException extends ProblemException {

  public InvalidAmountException(String text) {
    super(
        400,
        "INVALID_AMOUNT",
        "Not a valid amount: expected yuan with at most two decimals, e.g. \"1000.00\"",
        "problem.invalid-amount");
  }
}
