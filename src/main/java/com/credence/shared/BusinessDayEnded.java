package com.credence.shared;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Published once for every business date that has ended (Asia/Shanghai), in date order: the trigger
 * of every end-of-day job (collection, distribution, overdue, failing expired listings,
 * reconciliation). Listeners must be idempotent per date: a date may be announced again after a
 * crash in the middle of its run.
 *
 * @param date the business date that ended
 */
public record BusinessDayEnded(LocalDate date) {

  public BusinessDayEnded {
    Objects.requireNonNull(date, "date");
  }
}
