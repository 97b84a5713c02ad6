package com.credence.investment.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Auto-invest rules and the per-listing run flag (schema {@code investment}). */
@Repository
public class AutoInvestStore {

  /** One rule with its authorisation. */
  public record RuleRow(
      UUID investorId,
      boolean enabled,
      int minRateBps,
      int maxRateBps,
      int termMonthsMin,
      int termMonthsMax,
      String grades,
      long maxPerListingMinor,
      long reserveBalanceMinor,
      long authorisedLimitMinor,
      LocalDate authorisedUntil,
      long usedMinor,
      Instant joinedAt,
      @Nullable Instant servedAt) {}

  private static final String COLUMNS =
      """
      investor_id, enabled, min_rate_bps, max_rate_bps, term_months_min, term_months_max, grades,
      max_per_listing_minor, reserve_balance_minor, authorised_limit_minor, authorised_until,
      used_minor, joined_at, served_at
      """;

  private static final String UPSERT =
      """
      INSERT INTO investment.auto_invest_rules (investor_id, enabled, min_rate_bps, max_rate_bps,
        term_months_min, term_months_max, grades, max_per_listing_minor, reserve_balance_minor,
        authorised_limit_minor, authorised_until, used_minor, joined_at, updated_at)
      VALUES (:u, :enabled, :minRate, :maxRate, :termMin, :termMax, :grades, :maxPer, :reserve,
        :limit, :until, 0, :now, :now)
      ON CONFLICT (investor_id) DO UPDATE SET enabled = excluded.enabled,
        min_rate_bps = excluded.min_rate_bps, max_rate_bps = excluded.max_rate_bps,
        term_months_min = excluded.term_months_min, term_months_max = excluded.term_months_max,
        grades = excluded.grades, max_per_listing_minor = excluded.max_per_listing_minor,
        reserve_balance_minor = excluded.reserve_balance_minor,
        authorised_limit_minor = excluded.authorised_limit_minor,
        authorised_until = excluded.authorised_until, updated_at = excluded.updated_at,
        joined_at = CASE WHEN investment.auto_invest_rules.enabled THEN
          investment.auto_invest_rules.joined_at ELSE excluded.joined_at END
      """;

  private static final String SELECT_RULE =
      "SELECT " + COLUMNS + " FROM investment.auto_invest_rules WHERE investor_id = :u";

  private static final String MATCHING =
      "SELECT "
          + COLUMNS
          + """
           FROM investment.auto_invest_rules
          WHERE enabled AND authorised_until >= :today AND used_minor < authorised_limit_minor
            AND min_rate_bps <= :rate AND max_rate_bps >= :rate
            AND term_months_min <= :term AND term_months_max >= :term
            AND strpos(grades, :grade) > 0 AND investor_id <> :borrower
          ORDER BY served_at NULLS FIRST, joined_at, investor_id
          LIMIT :n
          """;

  private final JdbcClient jdbc;

  AutoInvestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Saves the rule; switching on (again) puts the investor at the back of the queue. */
  public void save(RuleRow r, Instant now) {
    jdbc.sql(UPSERT)
        .param("u", r.investorId())
        .param("enabled", r.enabled())
        .param("minRate", r.minRateBps())
        .param("maxRate", r.maxRateBps())
        .param("termMin", r.termMonthsMin())
        .param("termMax", r.termMonthsMax())
        .param("grades", r.grades())
        .param("maxPer", r.maxPerListingMinor())
        .param("reserve", r.reserveBalanceMinor())
        .param("limit", r.authorisedLimitMinor())
        .param("until", Date.valueOf(r.authorisedUntil()))
        .param("now", Timestamp.from(now))
        .update();
  }

  public Optional<RuleRow> rule(UUID investorId) {
    return jdbc.sql(SELECT_RULE).param("u", investorId).query(RULE).optional();
  }

  public List<RuleRow> matching(
      int rateBps, int termMonths, String grade, UUID borrowerId, LocalDate today, int limit) {
    return jdbc.sql(MATCHING)
        .param("rate", rateBps)
        .param("term", termMonths)
        .param("grade", grade)
        .param("borrower", borrowerId)
        .param("today", Date.valueOf(today))
        .param("n", limit)
        .query(RULE)
        .list();
  }

  /** Reserves {@code amount} of the authorisation; false when it does not allow that much. */
  public boolean reserve(UUID investorId, long amountMinor) {
    return jdbc.sql(
                """
                UPDATE investment.auto_invest_rules SET used_minor = used_minor + :a
                 WHERE investor_id = :u AND used_minor + :a <= authorised_limit_minor
                """)
            .param("u", investorId)
            .param("a", amountMinor)
            .update()
        == 1;
  }

  /** Gives back a reservation whose bid was refused. */
  public void release(UUID investorId, long amountMinor) {
    jdbc.sql(
            """
            UPDATE investment.auto_invest_rules SET used_minor = greatest(0, used_minor - :a)
             WHERE investor_id = :u
            """)
        .param("u", investorId)
        .param("a", amountMinor)
        .update();
  }

  public void served(UUID investorId, Instant now) {
    jdbc.sql("UPDATE investment.auto_invest_rules SET served_at = :t WHERE investor_id = :u")
        .param("u", investorId)
        .param("t", Timestamp.from(now))
        .update();
  }

  /**
   * Claims the listing's auto-invest run; false when it is done, or claimed by another node less
   * than {@code lease} ago.
   */
  public boolean claimRun(UUID listingId, Instant now, java.time.Duration lease) {
    return jdbc.sql(
                """
                UPDATE investment.listings SET auto_invest_claimed_at = :now
                 WHERE id = :id AND NOT auto_invest_done
                   AND (auto_invest_claimed_at IS NULL OR auto_invest_claimed_at < :expired)
                """)
            .param("id", listingId)
            .param("now", Timestamp.from(now))
            .param("expired", Timestamp.from(now.minus(lease)))
            .update()
        == 1;
  }

  /** The run placed its bids: manual investors may bid. */
  public void finishRun(UUID listingId) {
    jdbc.sql("UPDATE investment.listings SET auto_invest_done = true WHERE id = :id")
        .param("id", listingId)
        .update();
  }

  public boolean runDone(UUID listingId) {
    return jdbc.sql("SELECT auto_invest_done FROM investment.listings WHERE id = :id")
        .param("id", listingId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Open listings whose opening time has come and whose auto-invest has not run. */
  public List<UUID> listingsToRun(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT id FROM investment.listings
             WHERE status = 'OPEN' AND NOT auto_invest_done AND opens_at <= :now
             ORDER BY opens_at LIMIT :n
            """)
        .param("now", Timestamp.from(now))
        .param("n", limit)
        .query(UUID.class)
        .list();
  }

  private static final RowMapper<RuleRow> RULE =
      (rs, i) -> {
        Timestamp served = rs.getTimestamp("served_at");
        return new RuleRow(
            rs.getObject("investor_id", UUID.class),
            rs.getBoolean("enabled"),
            rs.getInt("min_rate_bps"),
            rs.getInt("max_rate_bps"),
            rs.getInt("term_months_min"),
            rs.getInt("term_months_max"),
            rs.getString("grades"),
            rs.getLong("max_per_listing_minor"),
            rs.getLong("reserve_balance_minor"),
            rs.getLong("authorised_limit_minor"),
            rs.getDate("authorised_until").toLocalDate(),
            rs.getLong("used_minor"),
            rs.getTimestamp("joined_at").toInstant(),
            served == null ? null : served.toInstant());
      };
}
