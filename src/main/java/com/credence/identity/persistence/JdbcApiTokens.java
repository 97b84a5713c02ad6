package com.credence.identity.persistence;

import com.credence.identity.Role;
import com.credence.identity.domain.ApiTokens;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiTokens implements ApiTokens {

  private final JdbcClient jdbc;

  JdbcApiTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(byte[] tokenHash, UUID userId, Instant createdAt, Instant expiresAt) {
    jdbc.sql(
            """
        INSERT INTO identity.api_tokens (token_hash, user_id, created_at, expires_at)
        VALUES (:hash, :user, :created, :expires)""")
        .param("hash", tokenHash)
        .param("user", userId)
        .param("created", Sql.ts(createdAt))
        .param("expires", Sql.ts(expiresAt))
        .update();
  }

  @Override
  public Optional<TokenOwner> findLive(byte[] tokenHash, Instant now) {
    return jdbc.sql(
            """
        SELECT u.id, u.roles, t.expires_at FROM identity.api_tokens t JOIN identity.users u ON u.id = t.user_id
        WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now""")
        .param("hash", tokenHash)
        .param("now", Sql.ts(now))
        .query(
            (rs, row) -> {
              Set<Role> roles = EnumSet.noneOf(Role.class);
              Arrays.stream((String[]) rs.getArray("roles").getArray())
                  .map(Role::valueOf)
                  .forEach(roles::add);
              return new TokenOwner(
                  rs.getObject("id", UUID.class), roles, Sql.instant(rs, "expires_at"));
            })
        .optional();
  }

  @Override
  public boolean revoke(byte[] tokenHash, Instant now) {
    return jdbc.sql(
                "UPDATE identity.api_tokens SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
            .param("hash", tokenHash)
            .param("now", Sql.ts(now))
            .update()
        == 1;
  }

  @Override
  public int revokeAllOf(UUID userId, Instant now) {
    return jdbc.sql(
            "UPDATE identity.api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
        .param("user", userId)
        .param("now", Sql.ts(now))
        .update();
  }
}
