package com.credence.investment;

import com.credence.shared.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notification of the user; its text is rendered in the reader's language from {@link #kind} and
 * {@link #audience} ({@code investment.notification.<kind>.<audience>}).
 *
 * @param amount what the event means for the user (refunded, invested, offered)
 * @param until the end of the offer window, for offers
 */
public record NotificationView(
    UUID notificationId,
    NotificationKind kind,
    String audience,
    UUID listingId,
    String listingTitle,
    @Nullable Money amount,
    @Nullable Instant until,
    Instant createdAt,
    boolean read) {

  /** The message key of the text. */
  public String messageKey() {
    return "investment.notification." + kind.name() + "." + audience;
  }
}
