package com.credence.identity.persistence;

import com.credence.identity.KycStatus;
import com.credence.identity.Role;
import com.credence.identity.domain.PersonalDataCipher;
import com.credence.identity.domain.UserAccount;
import com.credence.identity.domain.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUsers implements Users {

  static final String PHONE = "phone";
  private static final String COLUMNS =
      "id, phone_enc, roles, password_hash, failed_logins, locked_until, "
          + "totp_enabled, totp_secret_enc, totp_pending_enc, totp_last_step, kyc_status, created_at";

  private static final String SELECT_BY_ID =
      "SELECT " + COLUMNS + " FROM identity.users WHERE id = :id";
  private static final String SELECT_BY_PHONE_HASH =
      "SELECT " + COLUMNS + " FROM identity.users WHERE phone_hash = :hash";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  JdbcUsers(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public Optional<UserAccount> findById(UUID id) {
    return jdbc.sql(SELECT_BY_ID).param("id", id).query(this::map).optional();
  }

  @Override
  public Optional<UserAccount> findByPhone(String phone) {
    return jdbc.sql(SELECT_BY_PHONE_HASH)
        .param("hash", cipher.lookupHash(PHONE, phone))
        .query(this::map)
        .optional();
  }

  @Override
  public boolean existsByPhone(String phone) {
    return jdbc.sql("SELECT count(*) FROM identity.users WHERE phone_hash = :hash")
            .param("hash", cipher.lookupHash(PHONE, phone))
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public void insert(UUID id, String phone, Set<Role> roles, String passwordHash, Instant now) {
    try {
      jdbc.sql(
              """
          INSERT INTO identity.users (id, phone_hash, phone_enc, roles, password_hash, created_at)
          VALUES (:id, :hash, :enc, :roles, :password, :now)""")
          .param("id", id)
          .param("hash", cipher.lookupHash(PHONE, phone))
          .param("enc", cipher.encrypt(phone, context(PHONE, id)))
          .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
          .param("password", passwordHash)
          .param("now", Sql.ts(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw new DuplicatePhoneException();
    }
  }

  @Override
  public boolean recordLoginFailure(UUID id, int maxFailures, Instant lockUntil) {
    // Both SET expressions see the old row, so the count and the lock change together.
    return jdbc.sql(
            """
        UPDATE identity.users SET
          locked_until = CASE WHEN failed_logins + 1 >= :max THEN :until ELSE locked_until END,
          failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END
        WHERE id = :id
        RETURNING locked_until = :until AS locked""")
        .param("id", id)
        .param("max", maxFailures)
        .param("until", Sql.ts(lockUntil))
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  @Override
  public void recordLoginSuccess(UUID id) {
    jdbc.sql("UPDATE identity.users SET failed_logins = 0 WHERE id = :id AND failed_logins <> 0")
        .param("id", id)
        .update();
  }

  @Override
  public void changePassword(UUID id, String passwordHash) {
    jdbc.sql(
            "UPDATE identity.users SET password_hash = :hash, failed_logins = 0, locked_until = NULL WHERE id = :id")
        .param("id", id)
        .param("hash", passwordHash)
        .update();
  }

  @Override
  public void storePendingTotpSecret(UUID id, byte[] secret) {
    jdbc.sql("UPDATE identity.users SET totp_pending_enc = :enc WHERE id = :id")
        .param("id", id)
        .param(
            "enc",
            cipher.encrypt(
                java.util.Base64.getEncoder().encodeToString(secret), context("totp", id)))
        .update();
  }

  @Override
  public boolean enableTotp(UUID id, long usedStep) {
    return jdbc.sql(
                """
        UPDATE identity.users SET totp_secret_enc = totp_pending_enc, totp_pending_enc = NULL, totp_enabled = true,
          totp_last_step = :step
        WHERE id = :id AND totp_pending_enc IS NOT NULL AND NOT totp_enabled""")
            .param("id", id)
            .param("step", usedStep)
            .update()
        == 1;
  }

  @Override
  public boolean useTotpStep(UUID id, long step) {
    return jdbc.sql(
                "UPDATE identity.users SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
            .param("id", id)
            .param("step", step)
            .update()
        == 1;
  }

  @Override
  public void setKycStatus(UUID id, KycStatus status) {
    jdbc.sql("UPDATE identity.users SET kyc_status = :status WHERE id = :id")
        .param("id", id)
        .param("status", status.name())
        .update();
  }

  @Override
  public void addRole(UUID id, Role role) {
    jdbc.sql(
            "UPDATE identity.users SET roles = array_append(roles, :role) WHERE id = :id AND NOT (:role = ANY(roles))")
        .param("id", id)
        .param("role", role.name())
        .update();
  }

  private UserAccount map(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream((String[]) rs.getArray("roles").getArray())
        .map(Role::valueOf)
        .forEach(roles::add);
    return new UserAccount(
        id,
        cipher.decrypt(rs.getBytes("phone_enc"), context(PHONE, id)),
        roles,
        rs.getString("password_hash"),
        rs.getInt("failed_logins"),
        Sql.instant(rs, "locked_until"),
        rs.getBoolean("totp_enabled"),
        secret(rs.getBytes("totp_secret_enc"), id),
        secret(rs.getBytes("totp_pending_enc"), id),
        rs.getLong("totp_last_step"),
        KycStatus.valueOf(rs.getString("kyc_status")),
        Sql.instant(rs, "created_at"));
  }

  private byte[] secret(byte[] encrypted, UUID id) {
    return encrypted == null
        ? null
        : java.util.Base64.getDecoder().decode(cipher.decrypt(encrypted, context("totp", id)));
  }

  static String context(String field, UUID owner) {
    return field + "|" + owner;
  }
}
