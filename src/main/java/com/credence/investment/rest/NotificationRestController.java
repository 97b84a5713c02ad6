package com.credence.investment.rest;

import com.credence.investment.Inbox;
import com.credence.investment.NotificationText;
import com.credence.investment.NotificationView;
import com.credence.shared.AuthenticatedUser;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** My notifications: failed and funded listings, partial loan offers (newest first). */
@RestController
class NotificationRestController {

  private final Inbox inbox;
  private final MessageSource messages;

  NotificationRestController(Inbox inbox, MessageSource messages) {
    this.inbox = inbox;
    this.messages = messages;
  }

  /** A notification; {@code text} is in the request's language (Accept-Language, {@code lang}). */
  record NotificationItem(
      String notificationId,
      String kind,
      String listingId,
      String listingTitle,
      @Nullable String amount,
      @Nullable String until,
      String text,
      boolean read,
      String createdAt) {}

  /** The page shape of API.md plus the count of unread notifications. */
  record NotificationPage(
      List<NotificationItem> items, int page, int size, long total, long unread) {}

  @GetMapping("/api/v1/me/notifications")
  NotificationPage notifications(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Locale locale) {
    Inbox.Page p = inbox.notifications(user.userId(), page, size);
    return new NotificationPage(
        p.page().items().stream().map(n -> item(n, locale)).toList(),
        p.page().page(),
        p.page().size(),
        p.page().total(),
        p.unread());
  }

  @PostMapping("/api/v1/me/notifications/{notificationId}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID notificationId) {
    inbox.markRead(user.userId(), notificationId);
  }

  private NotificationItem item(NotificationView n, Locale locale) {
    return new NotificationItem(
        n.notificationId().toString(),
        n.kind().name(),
        n.listingId().toString(),
        n.listingTitle(),
        n.amount() == null ? null : n.amount().toApiString(),
        n.until() == null ? null : n.until().toString(),
        NotificationText.of(messages, n, locale),
        n.read(),
        n.createdAt().toString());
  }
}
