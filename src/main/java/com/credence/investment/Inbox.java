package com.credence.investment;

import com.credence.investment.persistence.NotificationRow;
import com.credence.investment.persistence.NotificationStore;
import com.credence.shared.Money;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The user's notifications: read newest first, marked read one by one or all at once. */
@Service
public class Inbox {

  private static final int SIZE_MAX = 100;

  private final NotificationStore store;
  private final Clock clock;

  Inbox(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** One page of the user's notifications, newest first, with the unread count. */
  public record Page(PageOf<NotificationView> page, long unread) {}

  public Page notifications(UUID userId, int page, int size) {
    if (page < 0 || size < 1 || size > SIZE_MAX) {
      throw InvestmentProblems.of(400, "VALIDATION_FAILED", "page >= 0 and size 1-100");
    }
    var items = store.ofUser(userId, size, (long) page * size).stream().map(Inbox::view).toList();
    return new Page(new PageOf<>(items, page, size, store.count(userId)), store.unread(userId));
  }

  public long unread(UUID userId) {
    return store.unread(userId);
  }

  /** Marks the user's notification read (again: no change); NOT_FOUND when it is not theirs. */
  public void markRead(UUID userId, UUID notificationId) {
    if (!store.markRead(userId, notificationId, clock.instant())) {
      throw InvestmentProblems.of(404, "NOT_FOUND", "Notification not found");
    }
  }

  public int markAllRead(UUID userId) {
    return store.markAllRead(userId, clock.instant());
  }

  static NotificationView view(NotificationRow r) {
    return new NotificationView(
        r.id(),
        NotificationKind.valueOf(r.kind()),
        r.audience(),
        r.listingId(),
        r.listingTitle(),
        r.amountMinor() == null ? null : Money.cny(r.amountMinor()),
        r.untilAt(),
        r.createdAt(),
        r.readAt() != null);
  }
}
