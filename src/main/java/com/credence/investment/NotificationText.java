package com.credence.investment;

import com.credence.shared.BusinessCalendar;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The text of a notification in the reader's language: {0} title, {1} amount, {2} until. */
public final class NotificationText {

  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessCalendar.ZONE);

  private NotificationText() {}

  public static String of(MessageSource messages, NotificationView n, Locale locale) {
    return messages.getMessage(
        n.messageKey(),
        new Object[] {
          n.listingTitle(),
          n.amount() == null ? "" : n.amount().toDisplayString(),
          n.until() == null ? "" : UNTIL.format(n.until())
        },
        locale);
  }
}
