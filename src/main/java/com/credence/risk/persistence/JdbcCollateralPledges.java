package com.credence.risk.persistence;

import com.credence.risk.Vin;
import com.credence.risk.domain.CollateralPledges;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCollateralPledges implements CollateralPledges {

  private final JdbcClient jdbc;

  JdbcCollateralPledges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean tryPledge(UUID pledgeId, Vin vin, UUID loanId, Instant now) {
    // The partial unique index decides: a second active pledge of the vehicle inserts nothing.
    int rows =
        jdbc.sql(
                """
                insert into risk.collateral_pledges (id, vin, loan_id, status, registered_at)
                values (?, ?, ?, 'ACTIVE', ?)
                on conflict (vin) where status = 'ACTIVE' do nothing
                """)
            .params(pledgeId, vin.value(), loanId, Timestamp.from(now))
            .update();
    return rows == 1;
  }

  @Override
  public int release(UUID loanId, Instant now) {
    return release(java.util.List.of(loanId), now);
  }

  @Override
  public int release(java.util.Collection<UUID> loanIds, Instant now) {
    return jdbc.sql(
            """
            update risk.collateral_pledges set status = 'RELEASED', released_at = ?
            where loan_id = any(?) and status = 'ACTIVE'
            """)
        .params(Timestamp.from(now), loanIds.toArray(UUID[]::new))
        .update();
  }

  @Override
  public boolean isPledged(Vin vin) {
    return jdbc.sql(
                "select count(*) from risk.collateral_pledges where vin = ? and status = 'ACTIVE'")
            .param(vin.value())
            .query(Long.class)
            .single()
        > 0;
  }
}
