package com.credence.investment;

import com.credence.investment.persistence.InvestmentRow;
import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.NotificationRow;
import com.credence.investment.persistence.NotificationStore;
import com.credence.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes the notifications of a listing's event: one per investor (with the sum of the investor's
 * investments it concerns) and one for the borrower. Called inside the transaction of the event, so
 * a notification exists exactly when its event happened. A failure tells its borrower when the
 * listing fails and its investors when the last of their freezes is voided (ADR 0022).
 */
@Component
class Notifier {

  static final String INVESTOR = "INVESTOR";
  static final String BORROWER = "BORROWER";

  private final NotificationStore store;
  private final Clock clock;

  Notifier(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * @param investments the investments the event concerns (each investor notified once, with their
   *     sum)
   * @param borrowerAmountMinor the amount the event means for the borrower
   * @param until the end of the offer window, for offers
   */
  void listingEvent(
      ListingRow l,
      NotificationKind kind,
      List<InvestmentRow> investments,
      long borrowerAmountMinor,
      @Nullable Instant until,
      Instant now) {
    List<NotificationRow> rows = investorRows(l, kind, investments, until, now);
    rows.add(row(l.borrowerId(), kind, BORROWER, l, borrowerAmountMinor, until, now));
    store.insert(rows);
  }

  /** The investors' notifications of an event, alone (a failure tells them once refunded). */
  void investorsEvent(
      ListingRow l, NotificationKind kind, List<InvestmentRow> investments, Instant now) {
    store.insert(investorRows(l, kind, investments, null, now));
  }

  /** The borrower's notification of an event, alone. */
  void borrowerEvent(ListingRow l, NotificationKind kind, long amountMinor, Instant now) {
    store.insert(List.of(row(l.borrowerId(), kind, BORROWER, l, amountMinor, null, now)));
  }

  private List<NotificationRow> investorRows(
      ListingRow l,
      NotificationKind kind,
      List<InvestmentRow> investments,
      @Nullable Instant until,
      Instant now) {
    Map<UUID, Long> perInvestor = new LinkedHashMap<>();
    for (InvestmentRow i : investments) {
      perInvestor.merge(i.investorId(), i.amountMinor(), Long::sum);
    }
    List<NotificationRow> rows = new ArrayList<>(perInvestor.size() + 1);
    perInvestor.forEach(
        (investor, sum) -> rows.add(row(investor, kind, INVESTOR, l, sum, until, now)));
    return rows;
  }

  private NotificationRow row(
      UUID user,
      NotificationKind kind,
      String audience,
      ListingRow l,
      long amountMinor,
      @Nullable Instant until,
      Instant now) {
    return new NotificationRow(
        Ids.newId(clock),
        user,
        kind.name(),
        audience,
        l.id(),
        l.title(),
        amountMinor,
        until,
        now,
        null);
  }
}
