package com.credence.identity;

/** The investor's risk tolerance from the questionnaire (风险测评), lowest first. */
public enum RiskLevel {
  CONSERVATIVE,
  CAUTIOUS,
  BALANCED,
  GROWTH,
  AGGRESSIVE;

  public RiskLevel atMost(RiskLevel cap) {
    return compareTo(cap) <= 0 ? this : cap;
  }
}
