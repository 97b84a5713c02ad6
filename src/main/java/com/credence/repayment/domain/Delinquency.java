package com.credence.repayment.domain;

/** Delinquency buckets by days past the oldest unpaid due date. */
public enum Delinquency {
  CURRENT,
  DAYS_1_30,
  DAYS_31_60,
  DAYS_61_90,
  DAYS_OVER_90;

  public static Delinquency of(long daysOverdue) {
    if (daysOverdue <= 0) {
      return CURRENT;
    }
    if (daysOverdue <= 30) {
      return DAYS_1_30;
    }
    if (daysOverdue <= 60) {
      return DAYS_31_60;
    }
    if (daysOverdue <= 90) {
      return DAYS_61_90;
    }
    return DAYS_OVER_90;
  }
}
