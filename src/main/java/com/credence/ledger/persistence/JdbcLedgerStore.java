package com.credence.ledger.persistence;

import com.credence.ledger.AccountFlag;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.AccountView;
import com.credence.ledger.CreateSplitTransfer;
import com.credence.ledger.SplitTransfer;
import com.credence.ledger.StatementLine;
import com.credence.ledger.Transfer;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferType;
import com.credence.ledger.domain.AccountState;
import com.credence.ledger.domain.LedgerAudit;
import com.credence.ledger.domain.LedgerStore;
import com.credence.shared.Currency;
import com.credence.shared.Invariants;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The ledger on PostgreSQL. Batches travel as arrays: one statement locks all accounts of a batch,
 * one reads its transfers, one writes all its transfers and counters (unnest), whatever its size.
 */
@Repository
class JdbcLedgerStore implements LedgerStore {

  private static final String ACCOUNT_COLUMNS =
      "id, kind, owner_id, currency, flags, debits_posted, credits_posted, debits_pending, credits_pending";

  private static final String TRANSFER_COLUMNS =
      "id, type, debit_account_id, credit_account_id, amount_minor, "
          + "currency, code, pending_id, reference, business_date, expires_at, created_at";

  private static final String LOCK_AND_READ =
      "SELECT "
          + ACCOUNT_COLUMNS
          + " FROM ledger.account WHERE id = ANY(?) ORDER BY id FOR UPDATE;"
          + " SELECT "
          + TRANSFER_COLUMNS
          + " FROM ledger.transfer WHERE id = ANY(?);"
          + " SELECT pending_id FROM ledger.transfer WHERE pending_id = ANY(?)";

  private static final String WRITE =
      """
      WITH inserted AS (
        INSERT INTO ledger.transfer (id, type, debit_account_id, credit_account_id, amount_minor, currency, code,
                                     pending_id, reference, business_date, expires_at, created_at)
        SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::uuid[], ?::bigint[], ?::char(3)[],
                             ?::varchar[], ?::uuid[], ?::varchar[], ?::date[], ?::timestamptz[], ?::timestamptz[])
        RETURNING 1
      ), updated AS (
        UPDATE ledger.account a
           SET debits_posted = u.dp, credits_posted = u.cp, debits_pending = u.dpe, credits_pending = u.cpe
          FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(id, dp, cp, dpe, cpe)
         WHERE a.id = u.id
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM updated)
      """;

  private static final String STATEMENT_LINES =
      """
      WITH mine AS (SELECT id, kind FROM ledger.account WHERE owner_id = ?),
      lines AS (
        SELECT t.seq, t.id, m.id AS account_id, m.kind, t.type, t.code, 'DEBIT' AS direction, t.amount_minor,
               t.reference, t.business_date, t.created_at,
               CASE WHEN t.type IN ('SINGLE_PHASE', 'POST_PENDING') THEN -t.amount_minor ELSE 0 END AS posted_delta,
               CASE t.type WHEN 'PENDING' THEN t.amount_minor WHEN 'SINGLE_PHASE' THEN 0
                           ELSE -p.amount_minor END AS frozen_delta
          FROM mine m JOIN ledger.transfer t ON t.debit_account_id = m.id
          LEFT JOIN ledger.transfer p ON p.id = t.pending_id
        UNION ALL
        SELECT t.seq, t.id, m.id, m.kind, t.type, t.code, 'CREDIT', t.amount_minor,
               t.reference, t.business_date, t.created_at,
               CASE WHEN t.type IN ('SINGLE_PHASE', 'POST_PENDING') THEN t.amount_minor ELSE 0 END,
               0
          FROM mine m JOIN ledger.transfer t ON t.credit_account_id = m.id
        UNION ALL
        SELECT t.seq, t.id, m.id, m.kind, t.type, t.code, 'CREDIT', l.amount_minor,
               t.reference, t.business_date, t.created_at, l.amount_minor, 0
          FROM mine m JOIN ledger.transfer_leg l ON l.credit_account_id = m.id
          JOIN ledger.transfer t ON t.id = l.transfer_id
      ),
      running AS (
        SELECT l.*, sum(posted_delta) OVER w AS balance_after, sum(frozen_delta) OVER w AS frozen_after
          FROM lines l WINDOW w AS (PARTITION BY account_id ORDER BY seq)
      )
      SELECT * FROM running WHERE business_date BETWEEN ? AND ?
       ORDER BY seq DESC, account_id LIMIT ? OFFSET ?
      """;

  private static final String AUDIT =
      """
      WITH resolved AS (
        SELECT pending_id FROM ledger.transfer WHERE pending_id IS NOT NULL
      ), moves AS (
        SELECT debit_account_id AS account_id, amount_minor AS dp, 0::bigint AS cp, 0::bigint AS dpe, 0::bigint AS cpe
          FROM ledger.transfer WHERE type IN ('SINGLE_PHASE', 'POST_PENDING')
        UNION ALL
        SELECT credit_account_id, 0, amount_minor, 0, 0
          FROM ledger.transfer WHERE type IN ('SINGLE_PHASE', 'POST_PENDING') AND legs = 0
        UNION ALL
        SELECT credit_account_id, 0, amount_minor, 0, 0 FROM ledger.transfer_leg
        UNION ALL
        SELECT debit_account_id, 0, 0, amount_minor, 0
          FROM ledger.transfer t WHERE type = 'PENDING' AND t.id NOT IN (SELECT pending_id FROM resolved)
        UNION ALL
        SELECT credit_account_id, 0, 0, 0, amount_minor
          FROM ledger.transfer t WHERE type = 'PENDING' AND t.id NOT IN (SELECT pending_id FROM resolved)
      ), sums AS (
        SELECT account_id, sum(dp) AS dp, sum(cp) AS cp, sum(dpe) AS dpe, sum(cpe) AS cpe
          FROM moves GROUP BY account_id
      )
      SELECT a.id, a.kind, a.owner_id, a.currency, a.flags, a.debits_posted, a.credits_posted, a.debits_pending,
             a.credits_pending, coalesce(s.dp, 0) AS r_dp, coalesce(s.cp, 0) AS r_cp, coalesce(s.dpe, 0) AS r_dpe,
             coalesce(s.cpe, 0) AS r_cpe
        FROM ledger.account a LEFT JOIN sums s ON s.account_id = a.id
      """;

  private static final String COPY_TRANSFERS =
      "COPY ledger.transfer (id, type, debit_account_id, credit_account_id, amount_minor, currency,"
          + " code, reference, business_date, created_at, legs) FROM STDIN";

  private static final String COPY_LEGS =
      "COPY ledger.transfer_leg (transfer_id, transfer_seq, credit_account_id, amount_minor)"
          + " FROM STDIN";

  /**
   * Split transfers whose legs are missing, do not add up to them, carry another sequence, or
   * credit an account twice or the debited one (ADR 0024).
   */
  private static final String SPLITS_INCOMPLETE =
      """
      SELECT count(*)
        FROM (SELECT id, seq, debit_account_id, legs, amount_minor FROM ledger.transfer
               WHERE legs > 0) t
        FULL JOIN (SELECT transfer_id, min(transfer_seq) AS seq, max(transfer_seq) AS seq_max,
                          count(*) AS n, count(DISTINCT credit_account_id) AS accounts,
                          sum(amount_minor) AS amount, array_agg(credit_account_id) AS credited
                     FROM ledger.transfer_leg GROUP BY transfer_id) l ON l.transfer_id = t.id
       WHERE t.id IS NULL OR l.transfer_id IS NULL OR t.legs <> l.n OR l.accounts <> l.n
          OR t.amount_minor <> l.amount OR t.seq <> l.seq OR l.seq <> l.seq_max
          OR t.debit_account_id = ANY(l.credited)
      """;

  private static final String LOCK_AND_ADD =
      """
      SELECT id FROM ledger.account WHERE id = ANY(?) ORDER BY id FOR UPDATE;
      UPDATE ledger.account a
         SET debits_posted = a.debits_posted + u.dp, credits_posted = a.credits_posted + u.cp
        FROM unnest(?::uuid[], ?::bigint[], ?::bigint[]) AS u(id, dp, cp)
       WHERE a.id = u.id
      """;

  private final JdbcTemplate jdbc;

  JdbcLedgerStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public AccountId openAccount(
      AccountId newId, AccountKind kind, UUID ownerId, Currency currency, Instant now) {
    jdbc.update(
        """
        INSERT INTO ledger.account (id, kind, owner_id, currency, flags, created_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (owner_id, kind, currency) DO NOTHING
        """,
        newId.value(),
        kind.name(),
        ownerId,
        currency.name(),
        AccountFlag.toBits(kind.defaultFlags()),
        Timestamp.from(now));
    return new AccountId(
        jdbc.queryForObject(
            "SELECT id FROM ledger.account WHERE owner_id = ? AND kind = ? AND currency = ?",
            UUID.class,
            ownerId,
            kind.name(),
            currency.name()));
  }

  @Override
  public void lock(Collection<AccountId> accountIds) {
    jdbc.execute(
        (Connection con) -> {
          try (PreparedStatement ps =
              con.prepareStatement(
                  "SELECT id FROM ledger.account WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, con.createArrayOf("uuid", accountIds(accountIds)));
            ps.executeQuery().close();
          }
          return null;
        });
  }

  @Override
  public Locked lockAndRead(
      Collection<AccountId> accountIds,
      Collection<TransferId> transferIds,
      Collection<TransferId> pendingIds) {
    Map<AccountId, AccountState> accounts = new HashMap<>();
    Map<TransferId, Transfer> transfers = new HashMap<>();
    Set<TransferId> resolved = new HashSet<>();
    jdbc.execute(
        (Connection con) -> {
          // Three statements, one round trip. Invariant: ORDER BY id takes the row locks in the
          // same order in every batch, so batches never deadlock. The later statements start after
          // the locks are held and, under READ COMMITTED, see everything committed by the batches
          // we waited for.
          try (PreparedStatement ps = con.prepareStatement(LOCK_AND_READ)) {
            ps.setArray(1, con.createArrayOf("uuid", accountIds(accountIds)));
            ps.setArray(2, con.createArrayOf("uuid", transferIds(transferIds)));
            ps.setArray(3, con.createArrayOf("uuid", transferIds(pendingIds)));
            ps.execute();
            try (ResultSet rs = ps.getResultSet()) {
              while (rs.next()) {
                AccountState a = accountState(rs);
                accounts.put(a.id(), a);
              }
            }
            Invariants.check(ps.getMoreResults(), "lock-and-read answers transfers");
            try (ResultSet rs = ps.getResultSet()) {
              while (rs.next()) {
                Transfer t = transfer(rs);
                transfers.put(t.id(), t);
              }
            }
            Invariants.check(ps.getMoreResults(), "lock-and-read answers resolutions");
            try (ResultSet rs = ps.getResultSet()) {
              while (rs.next()) {
                resolved.add(new TransferId(rs.getObject(1, UUID.class)));
              }
            }
          }
          return null;
        });
    return new Locked(accounts, transfers, resolved);
  }

  @Override
  public String defaultIsolation() {
    return jdbc.queryForObject("SHOW default_transaction_isolation", String.class);
  }

  @Override
  public Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
    Map<TransferId, Transfer> transfers = new HashMap<>();
    jdbc.query(
        con ->
            withArray(
                con,
                "SELECT " + TRANSFER_COLUMNS + " FROM ledger.transfer WHERE id = ANY(?)",
                transferIds(ids)),
        (ResultSet rs) -> {
          Transfer t = transfer(rs);
          transfers.put(t.id(), t);
        });
    return transfers;
  }

  @Override
  public void write(List<Transfer> transfers, Collection<AccountState> accounts) {
    int n = transfers.size();
    Object[][] columns = new Object[12][];
    columns[0] = new UUID[n];
    for (int c = 1; c < 12; c++) {
      columns[c] = new Object[n];
    }
    for (int i = 0; i < n; i++) {
      Transfer t = transfers.get(i);
      columns[0][i] = t.id().value();
      columns[1][i] = t.type().name();
      columns[2][i] = t.debitAccountId().value();
      columns[3][i] = t.creditAccountId().value();
      columns[4][i] = t.amountMinor();
      columns[5][i] = t.currency().name();
      columns[6][i] = t.code().name();
      columns[7][i] = t.pendingId() == null ? null : t.pendingId().value();
      columns[8][i] = t.reference();
      columns[9][i] = t.businessDate().toString();
      columns[10][i] = t.expiresAt() == null ? null : t.expiresAt().toString();
      columns[11][i] = t.createdAt().toString();
    }
    String[] types = {
      "uuid", "varchar", "uuid", "uuid", "int8", "varchar", "varchar", "uuid", "varchar", "varchar",
      "varchar", "varchar"
    };
    List<AccountState> changed = List.copyOf(accounts);
    int m = changed.size();
    UUID[] accountIds = new UUID[m];
    Long[][] counters = new Long[4][m];
    for (int i = 0; i < m; i++) {
      AccountState a = changed.get(i);
      accountIds[i] = a.id().value();
      counters[0][i] = a.debitsPosted();
      counters[1][i] = a.creditsPosted();
      counters[2][i] = a.debitsPending();
      counters[3][i] = a.creditsPending();
    }
    long[] counts =
        jdbc.query(
            con -> {
              PreparedStatement ps = con.prepareStatement(WRITE);
              for (int c = 0; c < 12; c++) {
                ps.setArray(c + 1, con.createArrayOf(types[c], columns[c]));
              }
              ps.setArray(13, con.createArrayOf("uuid", accountIds));
              for (int c = 0; c < 4; c++) {
                ps.setArray(14 + c, con.createArrayOf("int8", counters[c]));
              }
              return ps;
            },
            rs -> {
              rs.next();
              return new long[] {rs.getLong(1), rs.getLong(2)};
            });
    Invariants.check(
        counts != null && counts[0] == n && counts[1] == m,
        "wrote %s transfers and %s accounts, expected %s and %s",
        counts == null ? null : counts[0],
        counts == null ? null : counts[1],
        n,
        m);
  }

  @Override
  public Map<AccountId, AccountState> readAccounts(Collection<AccountId> ids) {
    Map<AccountId, AccountState> accounts = new HashMap<>();
    jdbc.query(
        con ->
            withArray(
                con,
                "SELECT " + ACCOUNT_COLUMNS + " FROM ledger.account WHERE id = ANY(?)",
                accountIds(ids)),
        (ResultSet rs) -> {
          AccountState a = accountState(rs);
          accounts.put(a.id(), a);
        });
    return accounts;
  }

  @Override
  public void writeBulk(
      List<Transfer> transfers, List<SplitTransfer> splits, Collection<PostedDelta> deltas) {
    int legCount = 0;
    for (SplitTransfer s : splits) {
      legCount += s.legs().size();
    }
    int rowCount = transfers.size() + splits.size();
    int legRows = legCount;
    List<PostedDelta> changed = List.copyOf(deltas);
    UUID[] ids = new UUID[changed.size()];
    Long[] debits = new Long[changed.size()];
    Long[] credits = new Long[changed.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = changed.get(i).id().value();
      debits[i] = changed.get(i).debitsMinor();
      credits[i] = changed.get(i).creditsMinor();
    }
    jdbc.execute(
        (Connection con) -> {
          try (CopyStream rows = new CopyStream(con, COPY_TRANSFERS)) {
            for (Transfer t : transfers) {
              appendTransfer(rows.row(), t, 0);
              rows.rowDone();
            }
            for (SplitTransfer s : splits) {
              appendTransfer(rows.row(), s.transfer(), s.legs().size());
              rows.rowDone();
            }
            rows.finish(rowCount, "transfers");
          }
          if (legRows > 0) {
            writeLegs(con, splits, legRows);
          }
          try (PreparedStatement ps = con.prepareStatement(LOCK_AND_ADD)) {
            ps.setArray(1, con.createArrayOf("uuid", ids));
            ps.setArray(2, con.createArrayOf("uuid", ids));
            ps.setArray(3, con.createArrayOf("int8", debits));
            ps.setArray(4, con.createArrayOf("int8", credits));
            ps.execute();
            boolean anotherResultSet = ps.getMoreResults();
            int updated = ps.getUpdateCount();
            Invariants.check(
                !anotherResultSet && updated == ids.length,
                "added to %s accounts of %s",
                updated,
                ids.length);
          }
          return null;
        });
  }

  /** A leg's row: its transfer's id and sequence (COPY text, tab-ended), account, amount. */
  private record LegRow(String prefix, UUID account, long amountMinor) {}

  /** UUIDs in PostgreSQL's order: byte by byte, unsigned (no boxing: a batch sorts 50,000). */
  private static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /** COPYs the legs, each with its transfer's sequence, read back after the transfers' COPY. */
  private static void writeLegs(Connection con, List<SplitTransfer> splits, int legCount)
      throws SQLException {
    UUID[] splitIds = new UUID[splits.size()];
    for (int i = 0; i < splitIds.length; i++) {
      splitIds[i] = splits.get(i).transfer().id().value();
    }
    Map<UUID, Long> seqOf = new HashMap<>();
    try (PreparedStatement ps =
        con.prepareStatement("SELECT id, seq FROM ledger.transfer WHERE id = ANY(?)")) {
      ps.setArray(1, con.createArrayOf("uuid", splitIds));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seqOf.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }
      }
    }
    // In the credited accounts' order (PostgreSQL's, unsigned): the index by account then takes
    // each batch's entries in one pass instead of at random.
    List<LegRow> rows = new ArrayList<>(legCount);
    for (SplitTransfer s : splits) {
      UUID id = s.transfer().id().value();
      Long seq = seqOf.get(id);
      Invariants.check(seq != null, "split transfer %s not written", id);
      String prefix = id + "\t" + seq + "\t";
      for (CreateSplitTransfer.Leg leg : s.legs()) {
        rows.add(new LegRow(prefix, leg.creditAccountId().value(), leg.amountMinor()));
      }
    }
    rows.sort((x, y) -> compareUnsigned(x.account(), y.account()));
    try (CopyStream legs = new CopyStream(con, COPY_LEGS)) {
      for (LegRow row : rows) {
        legs.row()
            .append(row.prefix())
            .append(row.account())
            .append('\t')
            .append(row.amountMinor())
            .append('\n');
        legs.rowDone();
      }
      legs.finish(legCount, "legs");
    }
  }

  /**
   * Rows in COPY's text format sent to PostgreSQL a chunk at a time, so that a batch's rows never
   * make one large string (which the garbage collector handles as a humongous object).
   */
  private static final class CopyStream implements AutoCloseable {

    private static final int CHUNK_CHARS = 1 << 16;

    private final CopyIn in;
    private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);

    CopyStream(Connection con, String sql) throws SQLException {
      this.in = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    /** Where the next row is appended, ending with a newline. */
    StringBuilder row() {
      return chunk;
    }

    void rowDone() throws SQLException {
      if (chunk.length() >= CHUNK_CHARS) {
        send();
      }
    }

    /** Ends the COPY; checks that PostgreSQL took every row. */
    void finish(int expected, String what) throws SQLException {
      send();
      long copied = in.endCopy();
      Invariants.check(copied == expected, "copied %s %s of %s", copied, what, expected);
    }

    private void send() throws SQLException {
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      chunk.setLength(0);
    }

    /** A COPY left unfinished (a failure on the way) is cancelled: nothing of it is written. */
    @Override
    public void close() throws SQLException {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /**
   * One transfer row in COPY's text format; a split transfer has no credit account ({@code \N}).
   */
  private static void appendTransfer(StringBuilder rows, Transfer t, int legs) {
    Invariants.check(
        t.type() == TransferType.SINGLE_PHASE && t.pendingId() == null && t.expiresAt() == null,
        "bulk transfer %s is not single-phase",
        t.id());
    rows.append(t.id().value())
        .append('\t')
        .append(t.type().name())
        .append('\t')
        .append(t.debitAccountId().value())
        .append('\t');
    AccountId credit = t.creditAccountId();
    if (credit == null) {
      rows.append("\\N");
    } else {
      rows.append(credit.value());
    }
    rows.append('\t')
        .append(t.amountMinor())
        .append('\t')
        .append(t.currency().name())
        .append('\t')
        .append(t.code().name())
        .append('\t');
    appendCopyText(rows, t.reference());
    rows.append('\t')
        .append(t.businessDate())
        .append('\t')
        .append(t.createdAt())
        .append('\t')
        .append(legs)
        .append('\n');
  }

  /** COPY's text format: backslash, tab, newline and carriage return escaped. */
  private static void appendCopyText(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  @Override
  public Optional<AccountView> account(AccountId id) {
    return jdbc
        .query(
            "SELECT " + ACCOUNT_COLUMNS + " FROM ledger.account WHERE id = ?",
            ACCOUNT_VIEW,
            id.value())
        .stream()
        .findFirst();
  }

  @Override
  public List<AccountView> accountsOf(UUID ownerId) {
    return jdbc.query(
        "SELECT " + ACCOUNT_COLUMNS + " FROM ledger.account WHERE owner_id = ? ORDER BY kind, id",
        ACCOUNT_VIEW,
        ownerId);
  }

  @Override
  public List<StatementLine> statement(
      UUID ownerId, LocalDate from, LocalDate to, int offset, int limit) {
    return jdbc.query(
        STATEMENT_LINES,
        (rs, row) ->
            new StatementLine(
                rs.getLong("seq"),
                new TransferId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                AccountKind.valueOf(rs.getString("kind")),
                TransferType.valueOf(rs.getString("type")),
                TransferCode.valueOf(rs.getString("code")),
                StatementLine.Direction.valueOf(rs.getString("direction")),
                rs.getLong("amount_minor"),
                rs.getLong("balance_after"),
                rs.getLong("frozen_after"),
                rs.getString("reference"),
                rs.getObject("business_date", LocalDate.class),
                rs.getTimestamp("created_at").toInstant()),
        ownerId,
        from,
        to,
        limit,
        offset);
  }

  @Override
  public long statementSize(UUID ownerId, LocalDate from, LocalDate to) {
    Long count =
        jdbc.queryForObject(
            """
        WITH mine AS (SELECT id FROM ledger.account WHERE owner_id = ?)
        SELECT (SELECT count(*) FROM mine m JOIN ledger.transfer t ON t.debit_account_id = m.id
                 WHERE t.business_date BETWEEN ? AND ?)
             + (SELECT count(*) FROM mine m JOIN ledger.transfer t ON t.credit_account_id = m.id
                 WHERE t.business_date BETWEEN ? AND ?)
             + (SELECT count(*) FROM mine m JOIN ledger.transfer_leg l ON l.credit_account_id = m.id
                 JOIN ledger.transfer t ON t.id = l.transfer_id
                 WHERE t.business_date BETWEEN ? AND ?)
        """,
            Long.class,
            ownerId,
            from,
            to,
            from,
            to,
            from,
            to);
    return count == null ? 0 : count;
  }

  @Override
  public List<Transfer> expiredPendings(Instant now, int limit) {
    return jdbc.query(
        "SELECT "
            + TRANSFER_COLUMNS
            + " FROM ledger.transfer t WHERE t.expires_at <= ? "
            + "AND NOT EXISTS (SELECT 1 FROM ledger.transfer r WHERE r.pending_id = t.id) ORDER BY t.expires_at LIMIT ?",
        (rs, row) -> transfer(rs),
        Timestamp.from(now),
        limit);
  }

  @Override
  public Written audit(LedgerAudit audit) {
    jdbc.query(
        AUDIT,
        (ResultSet rs) -> {
          audit.add(
              new LedgerAudit.AccountAudit(
                  accountState(rs),
                  new LedgerAudit.Counters(
                      rs.getLong("r_dp"),
                      rs.getLong("r_cp"),
                      rs.getLong("r_dpe"),
                      rs.getLong("r_cpe"))));
        });
    Long twice =
        jdbc.queryForObject(
            "SELECT count(*) FROM (SELECT pending_id FROM ledger.transfer "
                + "WHERE pending_id IS NOT NULL GROUP BY pending_id HAVING count(*) > 1) x",
            Long.class);
    audit.pendingResolvedTwice(twice == null ? 0 : twice);
    Long incomplete = jdbc.queryForObject(SPLITS_INCOMPLETE, Long.class);
    audit.splitsIncomplete(incomplete == null ? 0 : incomplete);
    return jdbc.queryForObject(
        "SELECT (SELECT count(*) FROM ledger.transfer), (SELECT count(*) FROM ledger.transfer_leg)",
        (rs, n) -> new Written(rs.getLong(1), rs.getLong(2)));
  }

  private static final RowMapper<AccountView> ACCOUNT_VIEW =
      (rs, row) ->
          new AccountView(
              new AccountId(rs.getObject("id", UUID.class)),
              AccountKind.valueOf(rs.getString("kind")),
              rs.getObject("owner_id", UUID.class),
              Currency.valueOf(rs.getString("currency")),
              AccountFlag.fromBits(rs.getInt("flags")),
              rs.getLong("debits_posted"),
              rs.getLong("credits_posted"),
              rs.getLong("debits_pending"),
              rs.getLong("credits_pending"));

  private static AccountState accountState(ResultSet rs) throws SQLException {
    return new AccountState(
        new AccountId(rs.getObject("id", UUID.class)),
        AccountKind.valueOf(rs.getString("kind")),
        Currency.valueOf(rs.getString("currency")),
        rs.getInt("flags"),
        rs.getLong("debits_posted"),
        rs.getLong("credits_posted"),
        rs.getLong("debits_pending"),
        rs.getLong("credits_pending"));
  }

  private static Transfer transfer(ResultSet rs) throws SQLException {
    UUID pending = rs.getObject("pending_id", UUID.class);
    UUID credit = rs.getObject("credit_account_id", UUID.class);
    Timestamp expires = rs.getTimestamp("expires_at");
    return new Transfer(
        new TransferId(rs.getObject("id", UUID.class)),
        TransferType.valueOf(rs.getString("type")),
        new AccountId(rs.getObject("debit_account_id", UUID.class)),
        credit == null ? null : new AccountId(credit),
        rs.getLong("amount_minor"),
        Currency.valueOf(rs.getString("currency")),
        TransferCode.valueOf(rs.getString("code")),
        pending == null ? null : new TransferId(pending),
        rs.getString("reference"),
        rs.getObject("business_date", LocalDate.class),
        expires == null ? null : expires.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }

  private static PreparedStatement withArray(Connection con, String sql, UUID[] ids)
      throws SQLException {
    PreparedStatement ps = con.prepareStatement(sql);
    ps.setArray(1, con.createArrayOf("uuid", ids));
    return ps;
  }

  private static UUID[] accountIds(Collection<AccountId> ids) {
    return ids.stream().map(AccountId::value).toArray(UUID[]::new);
  }

  private static UUID[] transferIds(Collection<TransferId> ids) {
    return ids.stream().map(TransferId::value).toArray(UUID[]::new);
  }
}
