package com.credence.identity;

import java.util.UUID;

/**
 * An investor took the risk questionnaire: the level, and so what suits them, may have changed.
 * Published inside the transaction that stores the assessment; modules that keep suitability facts
 * in memory drop the investor's.
 *
 * @param userId the investor
 */
public record RiskAssessed(UUID userId) {}
