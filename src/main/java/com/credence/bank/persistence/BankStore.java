package com.credence.bank.persistence;

import com.credence.bank.domain.BankOrder;
import com.credence.bank.domain.BoundCard;
import com.credence.bank.domain.OrderKind;
import com.credence.bank.domain.OrderStatus;
import com.credence.bank.domain.Reconciler;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bank module's tables (schema {@code bank}). SQL only as constants with bind parameters. */
@Repository
public class BankStore {

  private static final String ORDER_COLUMNS =
      "id, user_id, kind, card_id, amount_minor, status, transfer_id, settle_id, idempotency_key,"
          + " request_hash, confirm_url, failure_reason, business_date, created_at, updated_at";

  private static final String SELECT_ORDER =
      "SELECT " + ORDER_COLUMNS + " FROM bank.orders WHERE id = :id";
  private static final String SELECT_ORDER_BY_KEY =
      "SELECT "
          + ORDER_COLUMNS
          + " FROM bank.orders WHERE user_id = :u AND kind = :k AND idempotency_key = :key";
  private static final String SELECT_OPEN_ORDERS =
      "SELECT "
          + ORDER_COLUMNS
          + " FROM bank.orders WHERE status IN ('PENDING', 'UNKNOWN') AND updated_at <= :b"
          + " ORDER BY updated_at LIMIT :n";
  private static final String SELECT_RECENT_ORDERS =
      "SELECT "
          + ORDER_COLUMNS
          + " FROM bank.orders WHERE (CAST(:s AS varchar) IS NULL OR status = :s)"
          + " ORDER BY created_at DESC, id DESC LIMIT :n";
  private static final String SELECT_ORDERS_OF =
      "SELECT "
          + ORDER_COLUMNS
          + " FROM bank.orders WHERE user_id = :u ORDER BY created_at DESC, id DESC LIMIT :n";
  private static final String INSERT_ORDER =
      "INSERT INTO bank.orders ("
          + ORDER_COLUMNS
          + ") VALUES (:id, :u, :kind, :card, :amount, :status, :transfer, :settle, :key,"
          + " :hash, :url, :reason, :day, :created, :updated)"
          + " ON CONFLICT (user_id, kind, idempotency_key) DO NOTHING";

  private final JdbcClient jdbc;

  BankStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- sub-accounts and cards

  public Optional<String> subAccount(UUID userId) {
    return jdbc.sql("SELECT account_no FROM bank.sub_accounts WHERE user_id = :u")
        .param("u", userId)
        .query(String.class)
        .optional();
  }

  /** Locks the user's sub-account row: serialises one user's withdrawals. */
  public boolean lockSubAccount(UUID userId) {
    return jdbc.sql("SELECT account_no FROM bank.sub_accounts WHERE user_id = :u FOR UPDATE")
        .param("u", userId)
        .query(String.class)
        .optional()
        .isPresent();
  }

  public void insertSubAccount(UUID userId, String accountNo, Instant now) {
    jdbc.sql(
            "INSERT INTO bank.sub_accounts (user_id, account_no, opened_at) VALUES (:u, :a, :t)"
                + " ON CONFLICT (user_id) DO NOTHING")
        .param("u", userId)
        .param("a", accountNo)
        .param("t", Timestamp.from(now))
        .update();
  }

  public List<SubAccount> subAccounts() {
    return jdbc.sql("SELECT user_id, account_no FROM bank.sub_accounts")
        .query((rs, n) -> new SubAccount(rs.getObject(1, UUID.class), rs.getString(2)))
        .list();
  }

  /** The custody accounts that mirror the platform's own ledger accounts, by ledger account id. */
  public Map<UUID, String> custodyAccounts() {
    Map<UUID, String> found = new HashMap<>();
    jdbc.sql("SELECT ledger_account_id, account_no FROM bank.custody_accounts")
        .query(
            rs -> {
              found.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    return found;
  }

  public Optional<String> custodyAccount(UUID ledgerAccountId) {
    return jdbc.sql("SELECT account_no FROM bank.custody_accounts WHERE ledger_account_id = :l")
        .param("l", ledgerAccountId)
        .query(String.class)
        .optional();
  }

  public void insertCustodyAccount(
      UUID ledgerAccountId, String accountNo, String kind, Instant now) {
    jdbc.sql(
            """
            INSERT INTO bank.custody_accounts (ledger_account_id, account_no, kind, opened_at)
            VALUES (:l, :a, :k, :t) ON CONFLICT (ledger_account_id) DO NOTHING
            """)
        .param("l", ledgerAccountId)
        .param("a", accountNo)
        .param("k", kind)
        .param("t", Timestamp.from(now))
        .update();
  }

  /** A user's sub-account at the bank. */
  public record SubAccount(UUID userId, String accountNo) {}

  public void insertCard(BoundCard card) {
    jdbc.sql(
            "INSERT INTO bank.cards (id, user_id, binding_ref, bank_name, last4, status, created_at)"
                + " VALUES (:id, :u, :ref, :bank, :last4, 'BOUND', :t)")
        .param("id", card.id())
        .param("u", card.userId())
        .param("ref", card.bindingRef())
        .param("bank", card.bankName())
        .param("last4", card.last4())
        .param("t", Timestamp.from(card.createdAt()))
        .update();
  }

  public Optional<BoundCard> boundCard(UUID cardId, UUID userId) {
    return jdbc.sql(
            "SELECT id, user_id, binding_ref, bank_name, last4, created_at FROM bank.cards"
                + " WHERE id = :id AND user_id = :u AND status = 'BOUND'")
        .param("id", cardId)
        .param("u", userId)
        .query(BankStore::card)
        .optional();
  }

  public Optional<BoundCard> cardByBinding(UUID userId, String bindingRef) {
    return jdbc.sql(
            "SELECT id, user_id, binding_ref, bank_name, last4, created_at FROM bank.cards"
                + " WHERE binding_ref = :ref AND user_id = :u AND status = 'BOUND'")
        .param("ref", bindingRef)
        .param("u", userId)
        .query(BankStore::card)
        .optional();
  }

  public List<BoundCard> cardsOf(UUID userId) {
    return jdbc.sql(
            "SELECT id, user_id, binding_ref, bank_name, last4, created_at FROM bank.cards"
                + " WHERE user_id = :u AND status = 'BOUND' ORDER BY created_at, id")
        .param("u", userId)
        .query(BankStore::card)
        .list();
  }

  public int unbind(UUID cardId, UUID userId) {
    return jdbc.sql(
            "UPDATE bank.cards SET status = 'UNBOUND' WHERE id = :id AND user_id = :u"
                + " AND status = 'BOUND'")
        .param("id", cardId)
        .param("u", userId)
        .update();
  }

  private static BoundCard card(ResultSet rs, int row) throws SQLException {
    return new BoundCard(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("binding_ref"),
        rs.getString("bank_name"),
        rs.getString("last4"),
        rs.getTimestamp("created_at").toInstant());
  }

  // ---- orders

  /** Inserts the order unless the user already used the key for this kind; true when inserted. */
  public boolean insertOrder(BankOrder o) {
    return jdbc.sql(INSERT_ORDER)
            .param("id", o.id())
            .param("u", o.userId())
            .param("kind", o.kind().name())
            .param("card", o.cardId())
            .param("amount", o.amountMinor())
            .param("status", o.status().name())
            .param("transfer", o.transferId())
            .param("settle", o.settleId())
            .param("key", o.idempotencyKey())
            .param("hash", o.requestHash())
            .param("url", o.confirmUrl())
            .param("reason", o.failureReason())
            .param("day", o.businessDate())
            .param("created", Timestamp.from(o.createdAt()))
            .param("updated", Timestamp.from(o.updatedAt()))
            .update()
        == 1;
  }

  public Optional<BankOrder> order(UUID id) {
    return jdbc.sql(SELECT_ORDER).param("id", id).query(BankStore::order).optional();
  }

  public Optional<BankOrder> orderByKey(UUID userId, OrderKind kind, String key) {
    return jdbc.sql(SELECT_ORDER_BY_KEY)
        .param("u", userId)
        .param("k", kind.name())
        .param("key", key)
        .query(BankStore::order)
        .optional();
  }

  /** Today's withdrawals of the user that did not fail, in fen. */
  public long withdrawnOn(UUID userId, LocalDate day) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM bank.orders WHERE user_id = :u"
                + " AND kind = 'WITHDRAWAL' AND business_date = :d AND status <> 'FAILED'")
        .param("u", userId)
        .param("d", day)
        .query(Long.class)
        .single();
  }

  public void setConfirmUrl(UUID id, String url) {
    jdbc.sql("UPDATE bank.orders SET confirm_url = :url WHERE id = :id")
        .param("url", url)
        .param("id", id)
        .update();
  }

  /**
   * Moves an order from one status to another; the row count says whether this caller won. Final
   * statuses record the settlement date.
   */
  public boolean transition(
      UUID id,
      OrderStatus from,
      OrderStatus to,
      @Nullable String reason,
      Instant now,
      @Nullable LocalDate settledDate) {
    return jdbc.sql(
                "UPDATE bank.orders SET status = :to, failure_reason = COALESCE(:reason,"
                    + " failure_reason), updated_at = :now, settled_date = :settled"
                    + " WHERE id = :id AND status = :from")
            .param("to", to.name())
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .param("settled", settledDate)
            .param("id", id)
            .param("from", from.name())
            .update()
        == 1;
  }

  /** Orders waiting for an answer that were last touched before {@code before}, oldest first. */
  public List<BankOrder> openOrders(Instant before, int limit) {
    return jdbc.sql(SELECT_OPEN_ORDERS)
        .param("b", Timestamp.from(before))
        .param("n", limit)
        .query(BankStore::order)
        .list();
  }

  public List<BankOrder> recentOrders(@Nullable OrderStatus status, int limit) {
    return jdbc.sql(SELECT_RECENT_ORDERS)
        .param("s", status == null ? null : status.name())
        .param("n", limit)
        .query(BankStore::order)
        .list();
  }

  public List<BankOrder> ordersOf(UUID userId, int limit) {
    return jdbc.sql(SELECT_ORDERS_OF)
        .param("u", userId)
        .param("n", limit)
        .query(BankStore::order)
        .list();
  }

  /** The platform's movements settled on a business date, keyed to the sub-account. */
  public List<Reconciler.Movement> settledOn(LocalDate day) {
    return jdbc.sql(
            "SELECT o.id, o.kind, s.account_no, o.amount_minor FROM bank.orders o"
                + " JOIN bank.sub_accounts s ON s.user_id = o.user_id"
                + " WHERE o.status = 'SUCCEEDED' AND o.settled_date = :d")
        .param("d", day)
        .query(
            (rs, n) ->
                new Reconciler.Movement(
                    rs.getObject(1, UUID.class).toString(),
                    OrderKind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getLong(4)))
        .list();
  }

  private static BankOrder order(ResultSet rs, int row) throws SQLException {
    return new BankOrder(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        OrderKind.valueOf(rs.getString("kind")),
        rs.getObject("card_id", UUID.class),
        rs.getLong("amount_minor"),
        OrderStatus.valueOf(rs.getString("status")),
        rs.getObject("transfer_id", UUID.class),
        rs.getObject("settle_id", UUID.class),
        rs.getString("idempotency_key"),
        rs.getString("request_hash"),
        rs.getString("confirm_url"),
        rs.getString("failure_reason"),
        rs.getObject("business_date", LocalDate.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  // ---- callbacks

  /** Records a callback's nonce; false when it was seen before (a replay). */
  public boolean recordNonce(String nonce, Instant now) {
    return jdbc.sql(
                "INSERT INTO bank.callback_nonces (nonce, received_at) VALUES (:n, :t)"
                    + " ON CONFLICT (nonce) DO NOTHING")
            .param("n", nonce)
            .param("t", Timestamp.from(now))
            .update()
        == 1;
  }

  /** Forgets nonces received before {@code before}; callbacks that old are refused as late. */
  public int purgeNonces(Instant before) {
    return jdbc.sql("DELETE FROM bank.callback_nonces WHERE received_at < :b")
        .param("b", Timestamp.from(before))
        .update();
  }

  // ---- reconciliation

  /** A stored reconciliation run. */
  public record Run(
      LocalDate businessDate,
      String status,
      int movements,
      int accounts,
      Instant ranAt,
      @Nullable UUID resolvedBy,
      @Nullable String resolution) {}

  /** Replaces the result of a day (a rerun), unless an operator already resolved it. */
  public void saveRun(Run run, List<Reconciler.Difference> differences, List<UUID> ids) {
    jdbc.sql("DELETE FROM bank.reconciliation_differences WHERE business_date = :d")
        .param("d", run.businessDate())
        .update();
    jdbc.sql(
            "INSERT INTO bank.reconciliations (business_date, status, movements, accounts, ran_at)"
                + " VALUES (:d, :s, :m, :a, :t) ON CONFLICT (business_date) DO UPDATE SET"
                + " status = EXCLUDED.status, movements = EXCLUDED.movements,"
                + " accounts = EXCLUDED.accounts, ran_at = EXCLUDED.ran_at,"
                + " resolved_by = NULL, resolved_at = NULL, resolution = NULL")
        .param("d", run.businessDate())
        .param("s", run.status())
        .param("m", run.movements())
        .param("a", run.accounts())
        .param("t", Timestamp.from(run.ranAt()))
        .update();
    for (int i = 0; i < differences.size(); i++) {
      Reconciler.Difference d = differences.get(i);
      jdbc.sql(
              "INSERT INTO bank.reconciliation_differences (id, business_date, kind, reference,"
                  + " bank_minor, platform_minor, detail) VALUES (:id, :d, :k, :r, :b, :p, :x)")
          .param("id", ids.get(i))
          .param("d", run.businessDate())
          .param("k", d.kind().name())
          .param("r", d.reference())
          .param("b", d.bankMinor())
          .param("p", d.platformMinor())
          .param("x", d.detail())
          .update();
    }
  }

  public Optional<Run> run(LocalDate day) {
    return jdbc.sql(
            "SELECT business_date, status, movements, accounts, ran_at, resolved_by, resolution"
                + " FROM bank.reconciliations WHERE business_date = :d")
        .param("d", day)
        .query(BankStore::run)
        .optional();
  }

  public List<Run> recentRuns(int limit) {
    return jdbc.sql(
            "SELECT business_date, status, movements, accounts, ran_at, resolved_by, resolution"
                + " FROM bank.reconciliations ORDER BY business_date DESC LIMIT :n")
        .param("n", limit)
        .query(BankStore::run)
        .list();
  }

  public List<Reconciler.Difference> differences(LocalDate day) {
    return jdbc.sql(
            "SELECT kind, reference, bank_minor, platform_minor, detail"
                + " FROM bank.reconciliation_differences WHERE business_date = :d ORDER BY id")
        .param("d", day)
        .query(
            (rs, n) ->
                new Reconciler.Difference(
                    Reconciler.DifferenceKind.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getObject(3, Long.class),
                    rs.getObject(4, Long.class),
                    rs.getString(5)))
        .list();
  }

  public boolean resolve(LocalDate day, UUID operator, String resolution, Instant now) {
    return jdbc.sql(
                "UPDATE bank.reconciliations SET status = 'RESOLVED', resolved_by = :o,"
                    + " resolved_at = :t, resolution = :r"
                    + " WHERE business_date = :d AND status = 'DIFFERENCES'")
            .param("o", operator)
            .param("t", Timestamp.from(now))
            .param("r", resolution)
            .param("d", day)
            .update()
        == 1;
  }

  private static Run run(ResultSet rs, int row) throws SQLException {
    return new Run(
        rs.getObject(1, LocalDate.class),
        rs.getString(2),
        rs.getInt(3),
        rs.getInt(4),
        rs.getTimestamp(5).toInstant(),
        rs.getObject(6, UUID.class),
        rs.getString(7));
  }
}
