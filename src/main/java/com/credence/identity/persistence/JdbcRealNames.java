package com.credence.identity.persistence;

import com.credence.identity.domain.PersonalDataCipher;
import com.credence.identity.domain.RealNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRealNames implements RealNames {

  static final String ID_NUMBER = "id_number";
  static final String REAL_NAME = "real_name";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  JdbcRealNames(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void insertVerified(
      UUID userId, String realName, String idNumber, LocalDate birthDate, Instant now) {
    try {
      jdbc.sql(
              """
          INSERT INTO identity.real_names (user_id, real_name_enc, id_number_enc, id_number_hash, birth_date, verified_at)
          VALUES (:user, :name, :idEnc, :idHash, :birth, :now)""")
          .param("user", userId)
          .param("name", cipher.encrypt(realName, JdbcUsers.context(REAL_NAME, userId)))
          .param("idEnc", cipher.encrypt(idNumber, JdbcUsers.context(ID_NUMBER, userId)))
          .param("idHash", cipher.lookupHash(ID_NUMBER, idNumber))
          .param("birth", birthDate)
          .param("now", Sql.ts(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw new IdNumberTakenException();
    }
  }

  @Override
  public Optional<RealName> find(UUID userId) {
    return jdbc.sql(
            "SELECT real_name_enc, id_number_enc, birth_date FROM identity.real_names WHERE user_id = :user")
        .param("user", userId)
        .query(
            (rs, row) ->
                new RealName(
                    cipher.decrypt(
                        rs.getBytes("real_name_enc"), JdbcUsers.context(REAL_NAME, userId)),
                    cipher.decrypt(
                        rs.getBytes("id_number_enc"), JdbcUsers.context(ID_NUMBER, userId)),
                    rs.getObject("birth_date", LocalDate.class)))
        .optional();
  }

  @Override
  public boolean isIdNumberTaken(String idNumber) {
    return jdbc.sql("SELECT count(*) FROM identity.real_names WHERE id_number_hash = :hash")
            .param("hash", cipher.lookupHash(ID_NUMBER, idNumber))
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public void recordAttempt(UUID id, UUID userId, String idNumber, String outcome, Instant now) {
    jdbc.sql(
            """
        INSERT INTO identity.kyc_attempts (id, user_id, id_number_hash, outcome, attempted_at)
        VALUES (:id, :user, :hash, :outcome, :now)""")
        .param("id", id)
        .param("user", userId)
        .param("hash", cipher.lookupHash(ID_NUMBER, idNumber))
        .param("outcome", outcome)
        .param("now", Sql.ts(now))
        .update();
  }

  @Override
  public int attemptsSince(UUID userId, Instant since) {
    return jdbc.sql(
            "SELECT count(*) FROM identity.kyc_attempts WHERE user_id = :user AND attempted_at >= :since")
        .param("user", userId)
        .param("since", Sql.ts(since))
        .query(Long.class)
        .single()
        .intValue();
  }
}
