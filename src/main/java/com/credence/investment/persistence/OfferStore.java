package com.credence.investment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partial-loan offers ({@code investment.offers}) and the listing's move to OFFERED. Every decision
 * is made by the caller under the listing row's lock; the updates check the state again.
 */
@Repository
public class OfferStore {

  private static final String COLUMNS =
      """
      listing_id, borrower_id, amount_minor, raised_minor, made_at, expires_at, status, decided_at,
      decision_key
      """;
  private static final String SELECT =
      "SELECT " + COLUMNS + " FROM investment.offers WHERE listing_id = :l";
  private static final String SELECT_OF_BORROWER =
      "SELECT "
          + COLUMNS
          + """
           FROM investment.offers WHERE borrower_id = :b
          ORDER BY made_at DESC, listing_id DESC LIMIT :limit OFFSET :offset
          """;
  private static final String COUNT_OF_BORROWER =
      "SELECT count(*) FROM investment.offers WHERE borrower_id = :b";
  private static final String INSERT =
      """
      INSERT INTO investment.offers (listing_id, borrower_id, amount_minor, raised_minor, made_at,
        expires_at, status)
      VALUES (:l, :b, :amount, :raised, :made, :expires, 'OFFERED')
      """;
  private static final String LISTING_OFFERED =
      """
      UPDATE investment.listings SET status = 'OFFERED', closed_at = :now
       WHERE id = :l AND status = 'OPEN' AND loan_id IS NULL
      """;
  private static final String DECIDE =
      """
      UPDATE investment.offers SET status = :s, decided_at = :now, decision_key = :key
       WHERE listing_id = :l AND status = 'OFFERED'
      """;
  private static final String DUE =
      """
      SELECT listing_id FROM investment.offers
       WHERE status = 'OFFERED' AND expires_at <= :now ORDER BY expires_at LIMIT :n
      """;

  private static final RowMapper<OfferRow> ROW = OfferStore::row;

  private final JdbcClient jdbc;

  OfferStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<OfferRow> offer(UUID listingId) {
    return jdbc.sql(SELECT).param("l", listingId).query(ROW).optional();
  }

  public List<OfferRow> ofBorrower(UUID borrowerId, int limit, long offset) {
    return jdbc.sql(SELECT_OF_BORROWER)
        .param("b", borrowerId)
        .param("limit", limit)
        .param("offset", offset)
        .query(ROW)
        .list();
  }

  public long countOfBorrower(UUID borrowerId) {
    return jdbc.sql(COUNT_OF_BORROWER).param("b", borrowerId).query(Long.class).single();
  }

  /** Moves an OPEN listing to OFFERED and records the offer; false when it was not OPEN. */
  public boolean makeOffer(OfferRow o) {
    int moved =
        jdbc.sql(LISTING_OFFERED)
            .param("l", o.listingId())
            .param("now", Timestamp.from(o.madeAt()))
            .update();
    if (moved != 1) {
      return false;
    }
    jdbc.sql(INSERT)
        .param("l", o.listingId())
        .param("b", o.borrowerId())
        .param("amount", o.amountMinor())
        .param("raised", o.raisedMinor())
        .param("made", Timestamp.from(o.madeAt()))
        .param("expires", Timestamp.from(o.expiresAt()))
        .update();
    return true;
  }

  /**
   * Records the answer (ACCEPTED, DECLINED) or the expiry (EXPIRED) of an offer still OFFERED.
   *
   * @return false when it was decided already
   */
  public boolean decide(UUID listingId, String status, Instant now, @Nullable String key) {
    return jdbc.sql(DECIDE)
            .param("l", listingId)
            .param("s", status)
            .param("now", Timestamp.from(now))
            .param("key", key, Types.VARCHAR)
            .update()
        == 1;
  }

  /** Offers whose window has ended without an answer. */
  public List<UUID> due(Instant now, int limit) {
    return jdbc.sql(DUE)
        .param("now", Timestamp.from(now))
        .param("n", limit)
        .query(UUID.class)
        .list();
  }

  private static OfferRow row(ResultSet rs, int n) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new OfferRow(
        rs.getObject("listing_id", UUID.class),
        rs.getObject("borrower_id", UUID.class),
        rs.getLong("amount_minor"),
        rs.getLong("raised_minor"),
        rs.getTimestamp("made_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        rs.getString("status"),
        decided == null ? null : decided.toInstant(),
        rs.getString("decision_key"));
  }
}
