package com.credence.bank;

import java.util.UUID;

/** A bound card, the number masked to its last four digits. */
public record CardView(UUID cardId, String bank, String last4) {}
