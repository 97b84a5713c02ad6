package com.credence.risk;

/** Risk grade from the probability of default: A is the safest, E is not lent to. */
public enum Grade {
  A,
  B,
  C,
  D,
  E
}
