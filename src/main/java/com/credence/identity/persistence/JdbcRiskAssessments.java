package com.credence.identity.persistence;

import com.credence.identity.RiskLevel;
import com.credence.identity.domain.RiskAssessments;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRiskAssessments implements RiskAssessments {

  private final JdbcClient jdbc;

  JdbcRiskAssessments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(UUID id, UUID userId, Assessment assessment, List<Integer> answers) {
    jdbc.sql(
            """
        INSERT INTO identity.risk_assessments (id, user_id, risk_level, score, answers, assessed_at, valid_until)
        VALUES (:id, :user, :level, :score, :answers, :at, :until)""")
        .param("id", id)
        .param("user", userId)
        .param("level", assessment.level().name())
        .param("score", assessment.score())
        .param("answers", answers.toArray(Integer[]::new))
        .param("at", Sql.ts(assessment.assessedAt()))
        .param("until", assessment.validUntil())
        .update();
  }

  @Override
  public Optional<SuitabilityFacts> suitabilityFacts(UUID userId) {
    return jdbc.sql(
            """
        SELECT u.kyc_status, a.risk_level, a.score, a.assessed_at, a.valid_until FROM identity.users u
        LEFT JOIN LATERAL (
          SELECT risk_level, score, assessed_at, valid_until FROM identity.risk_assessments
          WHERE user_id = u.id ORDER BY assessed_at DESC, id DESC LIMIT 1) a ON true
        WHERE u.id = :user""")
        .param("user", userId)
        .query(
            (rs, row) ->
                new SuitabilityFacts(
                    com.credence.identity.KycStatus.valueOf(rs.getString("kyc_status")),
                    rs.getString("risk_level") == null
                        ? Optional.empty()
                        : Optional.of(
                            new Assessment(
                                RiskLevel.valueOf(rs.getString("risk_level")),
                                rs.getInt("score"),
                                Sql.instant(rs, "assessed_at"),
                                rs.getObject("valid_until", LocalDate.class)))))
        .optional();
  }

  @Override
  public Optional<Assessment> latest(UUID userId) {
    return jdbc.sql(
            """
        SELECT risk_level, score, assessed_at, valid_until FROM identity.risk_assessments
        WHERE user_id = :user ORDER BY assessed_at DESC, id DESC LIMIT 1""")
        .param("user", userId)
        .query(
            (rs, row) ->
                new Assessment(
                    RiskLevel.valueOf(rs.getString("risk_level")),
                    rs.getInt("score"),
                    Sql.instant(rs, "assessed_at"),
                    rs.getObject("valid_until", LocalDate.class)))
        .optional();
  }
}
