package com.credence.ledger;

import com.credence.shared.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posted movements between custodied accounts, in a gap-free order, for the custodian bank to
 * execute (资金划转指令). Deposits and withdrawals (anything touching the bank settlement account) are
 * left out: the bank made those itself.
 *
 * <p>Each transfer row carries the id of the transaction that wrote it. A page holds only transfers
 * of transactions older than the oldest one still running, ordered by (transaction, sequence): no
 * transfer can later appear before a position already read, so a reader that keeps its {@link
 * Position} sees every movement exactly once.
 */
@Service
public class CustodyFeed {

  /** Where a reader stands in the feed. */
  public record Position(long xact, long seq) {
    public static final Position START = new Position(0, 0);
  }

  /** One side of a movement. */
  public record Party(AccountId accountId, AccountKind kind, UUID ownerId) {}

  /** A posted amount from one custodied account to another. */
  public record Movement(
      TransferId transferId,
      TransferCode code,
      Party from,
      Party to,
      long amountMinor,
      Currency currency) {}

  /** Movements after a position, and the position after them. */
  public record Page(List<Movement> movements, Position next) {
    public Page {
      movements = List.copyOf(movements);
    }
  }

  private static final String MOVEMENTS =
      """
      SELECT t.xact::text::bigint AS xact, t.seq, t.id, t.code, t.amount_minor, t.currency,
             d.id AS d_id, d.kind AS d_kind, d.owner_id AS d_owner,
             c.id AS c_id, c.kind AS c_kind, c.owner_id AS c_owner
        FROM ledger.transfer t
        JOIN ledger.account d ON d.id = t.debit_account_id
        JOIN ledger.account c ON c.id = t.credit_account_id
       WHERE t.xact < pg_snapshot_xmin(pg_current_snapshot())
         AND (t.xact, t.seq) > (:xact::text::xid8, :seq)
         AND t.type IN ('SINGLE_PHASE', 'POST_PENDING')
         AND d.kind <> 'BANK_SETTLEMENT' AND c.kind <> 'BANK_SETTLEMENT'
       ORDER BY t.xact, t.seq
       LIMIT :limit
      """;

  private static final String LAST_BELOW_HORIZON =
      """
      SELECT xact::text::bigint AS xact, seq FROM ledger.transfer
       WHERE xact < pg_snapshot_xmin(pg_current_snapshot())
         AND (xact, seq) > (:xact::text::xid8, :seq)
       ORDER BY xact DESC, seq DESC
       LIMIT 1
      """;

  private static final String NET_AFTER =
      """
      WITH moved AS (
        SELECT t.debit_account_id, t.credit_account_id, t.amount_minor
          FROM ledger.transfer t
          JOIN ledger.account d ON d.id = t.debit_account_id
          JOIN ledger.account c ON c.id = t.credit_account_id
         WHERE (t.xact, t.seq) > (:xact::text::xid8, :seq)
           AND t.type IN ('SINGLE_PHASE', 'POST_PENDING')
           AND d.kind <> 'BANK_SETTLEMENT' AND c.kind <> 'BANK_SETTLEMENT'
      )
      SELECT account_id, sum(delta) AS delta FROM (
        SELECT credit_account_id AS account_id, amount_minor AS delta FROM moved
        UNION ALL
        SELECT debit_account_id, -amount_minor FROM moved
      ) m
      GROUP BY account_id
      """;

  private final JdbcClient jdbc;

  CustodyFeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Up to {@code limit} movements after {@code after}. The next position also moves past transfers
   * that are not movements (pending, void, deposits), so an idle reader does not read them again.
   */
  @Transactional(
      readOnly = true,
      isolation = Isolation.REPEATABLE_READ,
      propagation = Propagation.REQUIRES_NEW)
  public Page after(Position after, int limit) {
    List<Row> rows =
        jdbc.sql(MOVEMENTS)
            .param("xact", after.xact())
            .param("seq", after.seq())
            .param("limit", limit)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("xact"),
                        rs.getLong("seq"),
                        new Movement(
                            new TransferId(rs.getObject("id", UUID.class)),
                            TransferCode.valueOf(rs.getString("code")),
                            new Party(
                                new AccountId(rs.getObject("d_id", UUID.class)),
                                AccountKind.valueOf(rs.getString("d_kind")),
                                rs.getObject("d_owner", UUID.class)),
                            new Party(
                                new AccountId(rs.getObject("c_id", UUID.class)),
                                AccountKind.valueOf(rs.getString("c_kind")),
                                rs.getObject("c_owner", UUID.class)),
                            rs.getLong("amount_minor"),
                            Currency.valueOf(rs.getString("currency").trim()))))
            .list();
    if (rows.size() == limit) {
      Row last = rows.get(rows.size() - 1);
      return new Page(rows.stream().map(Row::movement).toList(), new Position(last.xact, last.seq));
    }
    // Fewer than a page: everything below the horizon has been read, movements or not.
    Position next =
        jdbc.sql(LAST_BELOW_HORIZON)
            .param("xact", after.xact())
            .param("seq", after.seq())
            .query((rs, n) -> new Position(rs.getLong("xact"), rs.getLong("seq")))
            .optional()
            .orElse(after);
    return new Page(rows.stream().map(Row::movement).toList(), next);
  }

  /**
   * The net posted change of every account (credits minus debits) from the transfers after {@code
   * after} that this transaction can see: what a reader at that position has not yet been told.
   * Call it in the same repeatable-read transaction as the balances it corrects.
   */
  public Map<AccountId, Long> netAfter(Position after) {
    return jdbc.sql(NET_AFTER)
        .param("xact", after.xact())
        .param("seq", after.seq())
        .query(
            rs -> {
              Map<AccountId, Long> net = new java.util.HashMap<>();
              while (rs.next()) {
                net.put(new AccountId(rs.getObject("account_id", UUID.class)), rs.getLong("delta"));
              }
              return net;
            });
  }

  private record Row(long xact, long seq, Movement movement) {}
}
