package com.credence.identity.domain;

import com.credence.identity.RiskLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Completed risk questionnaires; the newest one counts. */
public interface RiskAssessments {

  /** One completed questionnaire. */
  record Assessment(RiskLevel level, int score, Instant assessedAt, LocalDate validUntil) {}

  void insert(UUID id, UUID userId, Assessment assessment, List<Integer> answers);

  Optional<Assessment> latest(UUID userId);

  /**
   * What suitability needs, in one query: the user's KYC status (empty for no such user) and newest
   * assessment.
   */
  record SuitabilityFacts(com.credence.identity.KycStatus kycStatus, Optional<Assessment> latest) {}

  Optional<SuitabilityFacts> suitabilityFacts(UUID userId);
}
