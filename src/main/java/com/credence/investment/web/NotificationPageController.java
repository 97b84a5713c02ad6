package com.credence.investment.web;

import com.credence.investment.Inbox;
import com.credence.investment.NotificationText;
import com.credence.investment.NotificationView;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** My notifications page, and the unread badge the navigation bar loads. */
@Controller
class NotificationPageController {

  static final String NOTIFICATIONS = "investment/notifications";
  static final String BADGE = "investment/notification-badge";
  private static final int PAGE_SIZE = 20;

  private final Inbox inbox;
  private final MessageSource messages;

  NotificationPageController(Inbox inbox, MessageSource messages) {
    this.inbox = inbox;
    this.messages = messages;
  }

  /** A notification on the page: the view and its text in the reader's language. */
  record Line(NotificationView n, String text) {}

  @GetMapping("/me/notifications")
  String notifications(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") String page,
      Locale locale,
      Model model) {
    int number = parsePage(page);
    Inbox.Page p = inbox.notifications(user.userId(), number, PAGE_SIZE);
    model.addAttribute(
        "lines",
        p.page().items().stream()
            .map(n -> new Line(n, NotificationText.of(messages, n, locale)))
            .toList());
    model.addAttribute("unread", p.unread());
    model.addAttribute("page", number);
    model.addAttribute("hasNext", (long) (number + 1) * PAGE_SIZE < p.page().total());
    return NOTIFICATIONS;
  }

  @GetMapping("/me/notifications/badge")
  String badge(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("unread", inbox.unread(user.userId()));
    return BADGE;
  }

  @PostMapping("/me/notifications/{notificationId}/read")
  String read(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String notificationId) {
    try {
      inbox.markRead(user.userId(), UUID.fromString(notificationId));
    } catch (IllegalArgumentException | ProblemException e) {
      // Not the user's, or no such notification: nothing changes, the page shows the list again.
      return "redirect:/me/notifications";
    }
    return "redirect:/me/notifications";
  }

  @PostMapping("/me/notifications/read-all")
  String readAll(@AuthenticationPrincipal AuthenticatedUser user) {
    inbox.markAllRead(user.userId());
    return "redirect:/me/notifications";
  }

  private static int parsePage(String page) {
    try {
      return Math.max(0, Math.min(10_000, Integer.parseInt(page.trim())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
