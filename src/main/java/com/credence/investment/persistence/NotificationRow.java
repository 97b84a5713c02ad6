package com.credence.investment.persistence;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code investment.notifications}: what happened to a listing, for one user.
 *
 * @param kind what happened ({@code LISTING_FAILED}, {@code OFFER_MADE}, …)
 * @param audience {@code INVESTOR} or {@code BORROWER}: the text differs
 * @param amountMinor the amount the event means for this user (refunded, invested, offered)
 * @param untilAt the end of the offer window, for offers
 */
public record NotificationRow(
    UUID id,
    UUID userId,
    String kind,
    String audience,
    UUID listingId,
    String listingTitle,
    @Nullable Long amountMinor,
    @Nullable Instant untilAt,
    Instant createdAt,
    @Nullable Instant readAt) {}
