package com.credence.risk.domain;

import java.time.Instant;
import java.util.UUID;

/** The related-party register, keyed by the hash of an ID number or credit code. */
public interface RelatedParties {

  /** Adds a party; returns false when the subject is already registered. */
  boolean add(UUID id, String subjectHash, String name, String relation, Instant now);

  boolean contains(String subjectHash);
}
