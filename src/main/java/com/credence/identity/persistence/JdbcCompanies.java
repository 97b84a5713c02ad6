package com.credence.identity.persistence;

import com.credence.identity.domain.Companies;
import com.credence.identity.domain.PersonalDataCipher;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCompanies implements Companies {

  private static final String REP_NAME = "legal_rep_name";
  private static final String REP_ID = "legal_rep_id";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  JdbcCompanies(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void insert(Company company, Instant now) {
    UUID user = company.userId();
    try {
      jdbc.sql(
              """
          INSERT INTO identity.companies (user_id, company_name, credit_code, legal_rep_name_enc, legal_rep_id_enc,
            legal_rep_id_hash, registered_at)
          VALUES (:user, :name, :code, :repName, :repId, :repHash, :now)""")
          .param("user", user)
          .param("name", company.companyName())
          .param("code", company.creditCode())
          .param(
              "repName", cipher.encrypt(company.legalRepName(), JdbcUsers.context(REP_NAME, user)))
          .param(
              "repId", cipher.encrypt(company.legalRepIdNumber(), JdbcUsers.context(REP_ID, user)))
          .param("repHash", cipher.lookupHash(JdbcRealNames.ID_NUMBER, company.legalRepIdNumber()))
          .param("now", Sql.ts(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw new CreditCodeTakenException();
    }
  }

  @Override
  public Optional<Company> find(UUID userId) {
    return jdbc.sql(
            """
        SELECT company_name, credit_code, legal_rep_name_enc, legal_rep_id_enc FROM identity.companies
        WHERE user_id = :user""")
        .param("user", userId)
        .query(
            (rs, row) ->
                new Company(
                    userId,
                    rs.getString("company_name"),
                    rs.getString("credit_code"),
                    cipher.decrypt(
                        rs.getBytes("legal_rep_name_enc"), JdbcUsers.context(REP_NAME, userId)),
                    cipher.decrypt(
                        rs.getBytes("legal_rep_id_enc"), JdbcUsers.context(REP_ID, userId))))
        .optional();
  }
}
