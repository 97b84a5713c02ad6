package com.credence.risk.persistence;

import com.credence.risk.domain.RelatedParties;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRelatedParties implements RelatedParties {

  private final JdbcClient jdbc;

  JdbcRelatedParties(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(UUID id, String subjectHash, String name, String relation, Instant now) {
    return jdbc.sql(
                """
                insert into risk.related_parties (id, subject_hash, name, relation, created_at)
                values (?, ?, ?, ?, ?)
                on conflict (subject_hash) do nothing
                """)
            .params(id, subjectHash, name, relation, Timestamp.from(now))
            .update()
        == 1;
  }

  @Override
  public boolean contains(String subjectHash) {
    return jdbc.sql("select count(*) from risk.related_parties where subject_hash = ?")
            .param(subjectHash)
            .query(Long.class)
            .single()
        > 0;
  }
}
