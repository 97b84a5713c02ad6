package com.credence.bank;

import com.credence.bank.domain.OrderKind;
import com.credence.bank.domain.OrderStatus;
import com.credence.shared.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deposit or withdrawal order as callers see it.
 *
 * @param status the internal status (UNKNOWN included); customers see {@link
 *     OrderStatus#publicStatus()}
 * @param confirmUrl where the customer confirms the instruction at the bank, while pending
 */
public record OrderView(
    UUID orderId,
    UUID userId,
    OrderKind kind,
    Money amount,
    OrderStatus status,
    String cardLast4,
    @Nullable String confirmUrl,
    @Nullable String failureReason,
    Instant createdAt) {}
