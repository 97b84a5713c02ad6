package com.credence.platform;

import com.credence.shared.BusinessCalendar;
import com.credence.shared.BusinessDayEnded;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces every business date that has ended, once, in order ({@link BusinessDayEnded}). A date
 * is claimed by inserting its row in the transaction that runs its synchronous listeners, so two
 * nodes never close the same date and a failed run is retried; a date missed while the platform was
 * down is closed on the next tick. The first start only records yesterday as closed: there is
 * nothing before it to close.
 */
@Service
public class BusinessDays {

  private static final Logger log = LoggerFactory.getLogger(BusinessDays.class);

  /** At most this many dates are closed in one call (about ten years). */
  static final int CATCH_UP_DAYS_MAX = 3_660;

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate transactions;

  BusinessDays(
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** Every five minutes: close the dates that ended since the last closed one. */
  @Scheduled(
      fixedDelayString = "${credence.business-days.check-interval:PT5M}",
      initialDelayString = "PT10S")
  public void tick() {
    closeEndedDays();
  }

  /**
   * Closes, in order, every date after the last closed one and before today, publishing {@link
   * BusinessDayEnded} for each.
   *
   * @return the dates closed by this call
   */
  public synchronized List<LocalDate> closeEndedDays() {
    LocalDate today = BusinessCalendar.today(clock);
    Optional<LocalDate> lastClosed = lastClosed();
    List<LocalDate> closed = new ArrayList<>();
    if (lastClosed.isEmpty()) {
      claim(today.minusDays(1));
      return closed;
    }
    LocalDate next = lastClosed.get().plusDays(1);
    while (next.isBefore(today) && closed.size() < CATCH_UP_DAYS_MAX) {
      LocalDate date = next;
      // The claim and the synchronous end-of-day listeners share one transaction: a listener that
      // fails rolls the claim back and the date is announced again on the next tick.
      if (Boolean.TRUE.equals(transactions.execute(status -> closeOne(date)))) {
        closed.add(date);
      }
      next = next.plusDays(1);
    }
    return closed;
  }

  private boolean closeOne(LocalDate date) {
    if (!claim(date)) {
      return false;
    }
    log.info("Business date {} ended; running end-of-day", date);
    events.publishEvent(new BusinessDayEnded(date));
    return true;
  }

  public Optional<LocalDate> lastClosed() {
    return jdbc.sql("SELECT max(business_date) FROM platform.business_days")
        .query(LocalDate.class)
        .optional();
  }

  private boolean claim(LocalDate date) {
    return jdbc.sql(
                "INSERT INTO platform.business_days (business_date, closed_at) VALUES (:date, :now)"
                    + " ON CONFLICT DO NOTHING")
            .param("date", date)
            .param("now", Timestamp.from(clock.instant()))
            .update()
        == 1;
  }
}
