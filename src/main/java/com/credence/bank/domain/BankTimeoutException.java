package com.credence.bank.domain;

/** The bank did not answer in time: it may or may not have acted. The outcome is unknown. */
public final class BankTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BankTimeoutException(String detail) {
    super(detail);
  }
}
