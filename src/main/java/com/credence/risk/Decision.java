package com.credence.risk;

/** The risk engine's recommendation; only a risk officer approves. */
public enum Decision {
  REJECT,
  MANUAL_REVIEW,
  APPROVE_ELIGIBLE
}
