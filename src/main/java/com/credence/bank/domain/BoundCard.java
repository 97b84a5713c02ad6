package com.credence.bank.domain;

import java.time.Instant;
import java.util.UUID;

/** A card bound to a user's custody sub-account; the number itself stays at the bank. */
public record BoundCard(
    UUID id, UUID userId, String bindingRef, String bankName, String last4, Instant createdAt) {}
