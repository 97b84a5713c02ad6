package com.credence.investment.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users' notifications ({@code investment.notifications}); written with their event. */
@Repository
public class NotificationStore {

  private static final String INSERT =
      """
      INSERT INTO investment.notifications (id, user_id, kind, audience, listing_id, listing_title,
        amount_minor, until_at, created_at)
      SELECT u.id, u.usr, u.kind, u.audience, u.listing, u.title, u.amount, u.until, u.created
        FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::uuid[], ?::varchar[],
                    ?::bigint[], ?::timestamptz[], ?::timestamptz[])
             AS u(id, usr, kind, audience, listing, title, amount, until, created)
      """;

  private static final String COLUMNS =
      """
      id, user_id, kind, audience, listing_id, listing_title, amount_minor, until_at, created_at,
      read_at
      """;
  private static final String SELECT_OF_USER =
      "SELECT "
          + COLUMNS
          + """
           FROM investment.notifications WHERE user_id = :u
          ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
          """;
  private static final String SELECT_OF_LISTING =
      "SELECT " + COLUMNS + " FROM investment.notifications WHERE listing_id = :l ORDER BY id";
  private static final String COUNT_OF_USER =
      "SELECT count(*) FROM investment.notifications WHERE user_id = :u";
  private static final String UNREAD_OF_USER =
      "SELECT count(*) FROM investment.notifications WHERE user_id = :u AND read_at IS NULL";
  private static final String MARK_READ =
      """
      UPDATE investment.notifications SET read_at = coalesce(read_at, :now)
       WHERE id = :id AND user_id = :u
      """;
  private static final String MARK_ALL_READ =
      """
      UPDATE investment.notifications SET read_at = :now
       WHERE user_id = :u AND read_at IS NULL
      """;

  private static final RowMapper<NotificationRow> ROW = NotificationStore::row;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  NotificationStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Inserts the rows in one statement (a failed listing may notify thousands of investors). */
  public void insert(List<NotificationRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    Object[][] columns = new Object[9][n];
    for (int i = 0; i < n; i++) {
      NotificationRow r = rows.get(i);
      columns[0][i] = r.id();
      columns[1][i] = r.userId();
      columns[2][i] = r.kind();
      columns[3][i] = r.audience();
      columns[4][i] = r.listingId();
      columns[5][i] = r.listingTitle();
      columns[6][i] = r.amountMinor();
      columns[7][i] = r.untilAt() == null ? null : Timestamp.from(r.untilAt());
      columns[8][i] = Timestamp.from(r.createdAt());
    }
    String[] types = {
      "uuid", "uuid", "varchar", "varchar", "uuid", "varchar", "int8", "timestamptz", "timestamptz"
    };
    template.update(
        con -> {
          PreparedStatement ps = con.prepareStatement(INSERT);
          for (int c = 0; c < 9; c++) {
            ps.setArray(c + 1, con.createArrayOf(types[c], columns[c]));
          }
          return ps;
        });
  }

  /** The user's notifications, newest first. */
  public List<NotificationRow> ofUser(UUID userId, int limit, long offset) {
    return jdbc.sql(SELECT_OF_USER)
        .param("u", userId)
        .param("limit", limit)
        .param("offset", offset)
        .query(ROW)
        .list();
  }

  public List<NotificationRow> ofListing(UUID listingId) {
    return jdbc.sql(SELECT_OF_LISTING).param("l", listingId).query(ROW).list();
  }

  public long count(UUID userId) {
    return jdbc.sql(COUNT_OF_USER).param("u", userId).query(Long.class).single();
  }

  public long unread(UUID userId) {
    return jdbc.sql(UNREAD_OF_USER).param("u", userId).query(Long.class).single();
  }

  /** Marks the user's notification read; false when the user has no such notification. */
  public boolean markRead(UUID userId, UUID id, Instant now) {
    return jdbc.sql(MARK_READ)
            .param("id", id)
            .param("u", userId)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  public int markAllRead(UUID userId, Instant now) {
    return jdbc.sql(MARK_ALL_READ).param("u", userId).param("now", Timestamp.from(now)).update();
  }

  private static NotificationRow row(ResultSet rs, int n) throws SQLException {
    long amount = rs.getLong("amount_minor");
    Long amountMinor = rs.wasNull() ? null : amount;
    Timestamp until = rs.getTimestamp("until_at");
    Timestamp read = rs.getTimestamp("read_at");
    return new NotificationRow(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("kind"),
        rs.getString("audience"),
        rs.getObject("listing_id", UUID.class),
        rs.getString("listing_title"),
        amountMinor,
        until == null ? null : until.toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        read == null ? null : read.toInstant());
  }
}
