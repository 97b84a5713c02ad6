package com.credence.identity.persistence;

import com.credence.identity.SmsPurpose;
import com.credence.identity.domain.PersonalDataCipher;
import com.credence.identity.domain.SmsCodes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSmsCodes implements SmsCodes {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  JdbcSmsCodes(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void insert(
      UUID id,
      String phone,
      SmsPurpose purpose,
      byte[] codeHash,
      Instant createdAt,
      Instant expiresAt) {
    jdbc.sql(
            """
        INSERT INTO identity.sms_codes (id, phone_hash, purpose, code_hash, created_at, expires_at)
        VALUES (:id, :phone, :purpose, :code, :created, :expires)""")
        .param("id", id)
        .param("phone", cipher.lookupHash(JdbcUsers.PHONE, phone))
        .param("purpose", purpose.name())
        .param("code", codeHash)
        .param("created", Sql.ts(createdAt))
        .param("expires", Sql.ts(expiresAt))
        .update();
  }

  @Override
  public Optional<StoredCode> latest(String phone, SmsPurpose purpose) {
    return jdbc.sql(
            """
        SELECT id, code_hash, expires_at, attempts, consumed_at FROM identity.sms_codes
        WHERE phone_hash = :phone AND purpose = :purpose
        ORDER BY created_at DESC, id DESC LIMIT 1""")
        .param("phone", cipher.lookupHash(JdbcUsers.PHONE, phone))
        .param("purpose", purpose.name())
        .query(
            (rs, row) ->
                new StoredCode(
                    rs.getObject("id", UUID.class),
                    rs.getBytes("code_hash"),
                    Sql.instant(rs, "expires_at"),
                    rs.getInt("attempts"),
                    Sql.instant(rs, "consumed_at")))
        .optional();
  }

  @Override
  public void recordWrongAttempt(UUID id) {
    jdbc.sql("UPDATE identity.sms_codes SET attempts = attempts + 1 WHERE id = :id")
        .param("id", id)
        .update();
  }

  @Override
  public boolean consume(UUID id, Instant now) {
    return jdbc.sql(
                "UPDATE identity.sms_codes SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL")
            .param("id", id)
            .param("now", Sql.ts(now))
            .update()
        == 1;
  }
}
