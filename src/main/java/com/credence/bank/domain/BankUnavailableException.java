package com.credence.bank.domain;

import com.credence.shared.ProblemException;

/** The bank refused the connection: it did not receive the request, so nothing happened there. */
public final class BankUnavailableException extends ProblemException {

  public BankUnavailableException(String detail) {
    super(503, "BANK_UNAVAILABLE", detail, "problem.bank-unavailable");
  }
}
