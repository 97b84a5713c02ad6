package com.credence.ledger;

import com.credence.shared.Currency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posted movements between custodied accounts, in a gap-free order, for the custodian bank to
 * execute (资金划转指令). Deposits and withdrawals (anything touching the bank settlement account) are
 * left out: the bank made those itself. A split transfer (ADR 0024) is one movement per leg.
 *
 * <p>Each transfer row carries the id of the transaction that wrote it. A page holds only transfers
 * of transactions older than the oldest one still running, ordered by (transaction, sequence): no
 * transfer can later appear before a position already read, so a reader that keeps its {@link
 * Position} sees every movement exactly once. A page ends after a whole transfer, never between the
 * legs of one.
 */
@Service
public class CustodyFeed {

  /** Where a reader stands in the feed. */
  public record Position(long xact, long seq) {
    public static final Position START = new Position(0, 0);
  }

  /** One side of a movement. */
  public record Party(AccountId accountId, AccountKind kind, UUID ownerId) {}

  /**
   * A posted amount from one custodied account to another.
   *
   * @param leg 0 for a transfer of its own; 1, 2, ... for the legs of a split transfer, in the
   *     credited accounts' id order
   */
  public record Movement(
      TransferId transferId,
      int leg,
      TransferCode code,
      Party from,
      Party to,
      long amountMinor,
      Currency currency) {

    /** Names the movement uniquely: the transfer's id, and for a leg its number. */
    public String reference() {
      return leg == 0 ? transferId.toString() : transferId + "/" + leg;
    }
  }

  /** Movements after a position, and the position after them. */
  public record Page(List<Movement> movements, Position next) {
    public Page {
      movements = List.copyOf(movements);
    }
  }

  private static final String TRANSFERS =
      """
      SELECT t.xact::text::bigint AS xact, t.seq, t.id, t.code, t.amount_minor, t.currency, t.legs,
             d.id AS d_id, d.kind AS d_kind, d.owner_id AS d_owner,
             c.id AS c_id, c.kind AS c_kind, c.owner_id AS c_owner
        FROM ledger.transfer t
        JOIN ledger.account d ON d.id = t.debit_account_id
        LEFT JOIN ledger.account c ON c.id = t.credit_account_id
       WHERE t.xact < pg_snapshot_xmin(pg_current_snapshot())
         AND (t.xact, t.seq) > (:xact::text::xid8, :seq)
         AND t.type IN ('SINGLE_PHASE', 'POST_PENDING')
         AND d.kind <> 'BANK_SETTLEMENT' AND coalesce(c.kind, '') <> 'BANK_SETTLEMENT'
       ORDER BY t.xact, t.seq
       LIMIT :limit
      """;

  private static final String LEGS =
      """
      SELECT l.transfer_seq, l.amount_minor, a.id, a.kind, a.owner_id
        FROM ledger.transfer_leg l
        JOIN ledger.account a ON a.id = l.credit_account_id
       WHERE l.transfer_seq BETWEEN :low AND :high
         AND l.transfer_seq = ANY(CAST(:seqs AS bigint[]))
       ORDER BY l.transfer_seq, a.id
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
        SELECT t.seq, t.debit_account_id, t.credit_account_id, t.amount_minor, t.legs
          FROM ledger.transfer t
          JOIN ledger.account d ON d.id = t.debit_account_id
          LEFT JOIN ledger.account c ON c.id = t.credit_account_id
         WHERE (t.xact, t.seq) > (:xact::text::xid8, :seq)
           AND t.type IN ('SINGLE_PHASE', 'POST_PENDING')
           AND d.kind <> 'BANK_SETTLEMENT' AND coalesce(c.kind, '') <> 'BANK_SETTLEMENT'
      )
      SELECT account_id, sum(delta) AS delta FROM (
        SELECT credit_account_id AS account_id, amount_minor AS delta FROM moved WHERE legs = 0
        UNION ALL
        SELECT l.credit_account_id, l.amount_minor
          FROM moved m JOIN ledger.transfer_leg l ON l.transfer_seq = m.seq
         WHERE l.transfer_seq >= (SELECT min(seq) FROM moved)
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
   * Movements after {@code after}: whole transfers, as many as fit in {@code limit} movements (at
   * least one, whatever its legs). The next position also moves past transfers that are not
   * movements (pending, void, deposits), so an idle reader does not read them again.
   */
  @Transactional(
      readOnly = true,
      isolation = Isolation.REPEATABLE_READ,
      propagation = Propagation.REQUIRES_NEW)
  public Page after(Position after, int limit) {
    List<Row> rows =
        jdbc.sql(TRANSFERS)
            .param("xact", after.xact())
            .param("seq", after.seq())
            .param("limit", limit)
            .query(
                (rs, n) -> {
                  UUID credit = rs.getObject("c_id", UUID.class);
                  return new Row(
                      rs.getLong("xact"),
                      rs.getLong("seq"),
                      new TransferId(rs.getObject("id", UUID.class)),
                      TransferCode.valueOf(rs.getString("code")),
                      party(
                          rs.getObject("d_id", UUID.class), rs.getString("d_kind"), rs, "d_owner"),
                      credit == null ? null : party(credit, rs.getString("c_kind"), rs, "c_owner"),
                      rs.getLong("amount_minor"),
                      Currency.valueOf(rs.getString("currency").trim()),
                      rs.getInt("legs"));
                })
            .list();
    List<Row> taken = new ArrayList<>();
    long movements = 0;
    for (Row row : rows) {
      long count = row.legs() == 0 ? 1 : row.legs();
      if (!taken.isEmpty() && movements + count > limit) {
        break;
      }
      taken.add(row);
      movements += count;
    }
    List<Movement> page = movements(taken);
    if (rows.size() == limit || taken.size() < rows.size()) {
      Row last = taken.get(taken.size() - 1);
      return new Page(page, new Position(last.xact(), last.seq()));
    }
    // Fewer than a page: everything below the horizon has been read, movements or not.
    Position next =
        jdbc.sql(LAST_BELOW_HORIZON)
            .param("xact", after.xact())
            .param("seq", after.seq())
            .query((rs, n) -> new Position(rs.getLong("xact"), rs.getLong("seq")))
            .optional()
            .orElse(after);
    return new Page(page, next);
  }

  private List<Movement> movements(List<Row> taken) {
    List<Long> splitSeqs = new ArrayList<>();
    for (Row row : taken) {
      if (row.legs() > 0) {
        splitSeqs.add(row.seq());
      }
    }
    Map<Long, List<LegRow>> legsBySeq = new HashMap<>();
    if (!splitSeqs.isEmpty()) {
      // The range lets the BRIN index on the legs' sequence find them.
      jdbc.sql(LEGS)
          .param("low", Collections.min(splitSeqs))
          .param("high", Collections.max(splitSeqs))
          .param("seqs", splitSeqs.toArray(Long[]::new))
          .query(
              rs -> {
                legsBySeq
                    .computeIfAbsent(rs.getLong("transfer_seq"), k -> new ArrayList<>())
                    .add(
                        new LegRow(
                            party(
                                rs.getObject("id", UUID.class),
                                rs.getString("kind"),
                                rs,
                                "owner_id"),
                            rs.getLong("amount_minor")));
              });
    }
    List<Movement> movements = new ArrayList<>();
    for (Row row : taken) {
      if (row.legs() == 0) {
        Party to = row.to();
        if (to != null) {
          movements.add(
              new Movement(row.id(), 0, row.code(), row.from(), to, row.amount(), row.currency()));
        }
        continue;
      }
      List<LegRow> legs = legsBySeq.getOrDefault(row.seq(), List.of());
      for (int i = 0; i < legs.size(); i++) {
        movements.add(
            new Movement(
                row.id(),
                i + 1,
                row.code(),
                row.from(),
                legs.get(i).to(),
                legs.get(i).amount(),
                row.currency()));
      }
    }
    return movements;
  }

  /** A leg as the feed reads it: the credited side and the amount. */
  private record LegRow(Party to, long amount) {}

  private static Party party(UUID id, String kind, java.sql.ResultSet rs, String ownerColumn)
      throws java.sql.SQLException {
    return new Party(
        new AccountId(id), AccountKind.valueOf(kind), rs.getObject(ownerColumn, UUID.class));
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
              Map<AccountId, Long> net = new HashMap<>();
              while (rs.next()) {
                net.put(new AccountId(rs.getObject("account_id", UUID.class)), rs.getLong("delta"));
              }
              return net;
            });
  }

  private record Row(
      long xact,
      long seq,
      TransferId id,
      TransferCode code,
      Party from,
      @Nullable Party to,
      long amount,
      Currency currency,
      int legs) {}
}
