package com.credence.identity.domain;

import com.credence.identity.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens, stored only as SHA-256 hashes. */
public interface ApiTokens {

  /** The owner of a live token. */
  record TokenOwner(UUID userId, Set<Role> roles, Instant expiresAt) {}

  void insert(byte[] tokenHash, UUID userId, Instant createdAt, Instant expiresAt);

  /** The owner when the token exists, is not revoked and has not expired at {@code now}. */
  Optional<TokenOwner> findLive(byte[] tokenHash, Instant now);

  boolean revoke(byte[] tokenHash, Instant now);

  int revokeAllOf(UUID userId, Instant now);
}
