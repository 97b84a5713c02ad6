package com.credence.identity.domain;

import com.credence.identity.SmsPurpose;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Issued SMS codes, stored only as keyed hashes. */
public interface SmsCodes {

  /** A stored code: its hash, expiry, failed tries and whether it was used. */
  record StoredCode(
      UUID id, byte[] codeHash, Instant expiresAt, int attempts, @Nullable Instant consumedAt) {}

  void insert(
      UUID id,
      String phone,
      SmsPurpose purpose,
      byte[] codeHash,
      Instant createdAt,
      Instant expiresAt);

  /** The newest code for a phone and purpose; older codes are void once a newer one is sent. */
  Optional<StoredCode> latest(String phone, SmsPurpose purpose);

  void recordWrongAttempt(UUID id);

  /** Marks the code used; false when it was used already (single use, even under races). */
  boolean consume(UUID id, Instant now);
}
