package com.credence.risk;

import com.credence.shared.ProblemException;

/** The bureau did not answer in time: the application waits, it is never approved blind. */
public class BureauUnavailable extends ProblemException {

  public BureauUnavailable(String detail) {
    super(503, "BUREAU_UNAVAILABLE", detail, "problem.bureau-unavailable");
  }
}
