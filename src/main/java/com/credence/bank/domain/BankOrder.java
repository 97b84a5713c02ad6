package com.credence.bank.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deposit or withdrawal order as the platform keeps it.
 *
 * @param transferId the ledger transfer of the order: the deposit itself, or the withdrawal's
 *     freeze
 * @param settleId the ledger transfer that posts or voids a withdrawal's freeze
 */
public record BankOrder(
    UUID id,
    UUID userId,
    OrderKind kind,
    UUID cardId,
    long amountMinor,
    OrderStatus status,
    UUID transferId,
    UUID settleId,
    String idempotencyKey,
    String requestHash,
    @Nullable String confirmUrl,
    @Nullable String failureReason,
    LocalDate businessDate,
    Instant createdAt,
    Instant updatedAt) {}
