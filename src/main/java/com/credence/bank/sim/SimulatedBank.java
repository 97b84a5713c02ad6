package com.credence.bank.sim;

import com.credence.bank.BankProperties;
import com.credence.bank.domain.BankTimeoutException;
import com.credence.bank.domain.BankUnavailableException;
import com.credence.bank.domain.Cards;
import com.credence.bank.domain.CustodianBank;
import com.credence.bank.domain.OrderKind;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Ids;
import com.credence.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A custodian bank that runs inside the app, with its own books (schema {@code banksim}) as if it
 * were another system. Instructions wait for the customer's confirmation with the transaction
 * password on the bank's page; the answer goes out later as a signed callback (see {@link
 * SimulatedCallbacks}). Faults for tests are set per card ({@link Behaviour}) or as rates in the
 * settings.
 */
@Component
@ConditionalOnProperty(
    name = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class SimulatedBank implements CustodianBank {

  /** What the bank does with instructions for one card. */
  public enum Behaviour {
    NORMAL,
    /** Declines every confirmed instruction. */
    DECLINE,
    /** Executes but its callback is lost. */
    LOSE_CALLBACK,
    /** Takes the instruction but does not answer in time. */
    TIMEOUT,
    /** Refuses the connection. */
    DOWN
  }

  private static final String PIN_SHAPE = "[0-9]{6}";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final BankProperties.Simulation settings;
  private final TransactionTemplate tx;
  private final TransactionTemplate snapshot;
  private final TransactionTemplate batches;
  private final JdbcTemplate jdbcTemplate;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

  SimulatedBank(
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      Clock clock,
      BankProperties properties,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.clock = clock;
    this.settings = properties.simulation();
    this.tx = new TransactionTemplate(transactions);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.snapshot.setReadOnly(true);
    this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // The bank is another system: its batches never join the caller's transaction.
    this.batches = new TransactionTemplate(transactions);
    this.batches.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Sets how the bank treats one card's instructions (tests and demos). */
  public void behaviour(String cardNumber, Behaviour behaviour) {
    behaviours.put(hash(cardNumber.replace(" ", "")), behaviour);
  }

  @Override
  public OpenedAccount openAccount(UUID customerRef, FourElements e) {
    Optional<String> existing =
        jdbc.sql("SELECT account_no FROM banksim.accounts WHERE customer_ref = :c")
            .param("c", customerRef)
            .query(String.class)
            .optional();
    String accountNo =
        existing.orElseGet(
            () -> {
              String no = "6230" + Long.toString(Math.abs(random.nextLong() % 1_000_000_000_000L));
              jdbc.sql(
                      "INSERT INTO banksim.accounts (account_no, customer_ref, holder_name,"
                          + " id_number_hash, opened_at) VALUES (:a, :c, :n, :i, :t)")
                  .param("a", no)
                  .param("c", customerRef)
                  .param("n", e.name())
                  .param("i", hash(e.idNumber()))
                  .param("t", Timestamp.from(clock.instant()))
                  .update();
              return no;
            });
    return new OpenedAccount(accountNo, bindCard(accountNo, e.cardNumber(), e.reservedPhone()));
  }

  @Override
  public CardBinding bindCard(String accountNo, String cardNumber, String reservedPhone) {
    String cardHash = hash(cardNumber);
    Optional<String> existing =
        jdbc.sql("SELECT binding_ref FROM banksim.cards WHERE account_no = :a AND card_hash = :h")
            .param("a", accountNo)
            .param("h", cardHash)
            .query(String.class)
            .optional();
    String ref = existing.orElse("B" + Ids.newId(clock).toString().replace("-", ""));
    if (existing.isEmpty()) {
      jdbc.sql(
              "INSERT INTO banksim.cards (binding_ref, account_no, card_hash, last4, phone_hash,"
                  + " status) VALUES (:r, :a, :h, :l, :p, 'BOUND')")
          .param("r", ref)
          .param("a", accountNo)
          .param("h", cardHash)
          .param("l", Cards.last4(cardNumber))
          .param("p", hash(reservedPhone))
          .update();
    } else {
      jdbc.sql("UPDATE banksim.cards SET status = 'BOUND' WHERE binding_ref = :r")
          .param("r", ref)
          .update();
    }
    return new CardBinding(ref, Cards.bankName(cardNumber), Cards.last4(cardNumber));
  }

  @Override
  public void unbindCard(String accountNo, String bindingRef) {
    jdbc.sql(
            "UPDATE banksim.cards SET status = 'UNBOUND' WHERE binding_ref = :r AND account_no = :a")
        .param("r", bindingRef)
        .param("a", accountNo)
        .update();
  }

  @Override
  public String submit(Instruction i) {
    Behaviour behaviour = behaviourOf(i.bindingRef());
    if (behaviour == Behaviour.DOWN) {
      throw new BankUnavailableException("The bank is not available; try again later");
    }
    jdbc.sql(
            "INSERT INTO banksim.instructions (order_id, kind, account_no, binding_ref,"
                + " amount_minor, status, created_at) VALUES (:o, :k, :a, :b, :m, 'AWAITING', :t)"
                + " ON CONFLICT (order_id) DO NOTHING")
        .param("o", i.orderId())
        .param("k", i.kind().name())
        .param("a", i.accountNo())
        .param("b", i.bindingRef())
        .param("m", i.amountMinor())
        .param("t", Timestamp.from(clock.instant()))
        .update();
    if (behaviour == Behaviour.TIMEOUT) {
      throw new BankTimeoutException("The bank did not answer in time");
    }
    return confirmUrl(i.orderId());
  }

  public static String confirmUrl(UUID orderId) {
    return "/sim/bank/confirm/" + orderId;
  }

  @Override
  public OrderOutcome query(UUID orderId) {
    return instructionStatus(orderId)
        .map(
            s ->
                switch (s) {
                  case "SUCCEEDED" -> OrderOutcome.SUCCEEDED;
                  case "FAILED" -> OrderOutcome.FAILED;
                  default -> OrderOutcome.IN_PROGRESS;
                })
        .orElse(OrderOutcome.NOT_FOUND);
  }

  /** The instruction's status at the bank: AWAITING, SUCCEEDED or FAILED. */
  public Optional<String> instructionStatus(UUID orderId) {
    return jdbc.sql("SELECT status FROM banksim.instructions WHERE order_id = :o")
        .param("o", orderId)
        .query(String.class)
        .optional();
  }

  /**
   * The customer confirms an instruction with the transaction password (set on the first
   * confirmation of the account, checked after). The bank executes it and queues its callback.
   *
   * @return the instruction's status afterwards
   */
  public String confirm(UUID orderId, String password) {
    if (!password.matches(PIN_SHAPE)) {
      throw problem(400, "PASSWORD_INVALID", "The transaction password has six digits");
    }
    return tx.execute(status -> confirmLocked(orderId, password));
  }

  private String confirmLocked(UUID orderId, String password) {
    Map<String, Object> row =
        jdbc.sql(
                "SELECT i.kind, i.account_no, i.binding_ref, i.amount_minor, i.status,"
                    + " a.password_hash, a.balance_minor FROM banksim.instructions i"
                    + " JOIN banksim.accounts a ON a.account_no = i.account_no"
                    + " WHERE i.order_id = :o FOR UPDATE")
            .param("o", orderId)
            .query()
            .singleRow();
    if (!"AWAITING".equals(row.get("status"))) {
      return (String) row.get("status");
    }
    String accountNo = (String) row.get("account_no");
    Object stored = row.get("password_hash");
    if (stored == null) {
      jdbc.sql("UPDATE banksim.accounts SET password_hash = :p WHERE account_no = :a")
          .param("p", hash(accountNo + ":" + password))
          .param("a", accountNo)
          .update();
    } else if (!MessageDigest.isEqual(
        ((String) stored).getBytes(StandardCharsets.US_ASCII),
        hash(accountNo + ":" + password).getBytes(StandardCharsets.US_ASCII))) {
      throw problem(400, "PASSWORD_WRONG", "The transaction password is wrong");
    }
    OrderKind kind = OrderKind.valueOf((String) row.get("kind"));
    long amount = ((Number) row.get("amount_minor")).longValue();
    long balance = ((Number) row.get("balance_minor")).longValue();
    Behaviour behaviour = behaviourOf((String) row.get("binding_ref"));
    String reason = null;
    if (behaviour == Behaviour.DECLINE || roll(settings.failurePercent())) {
      reason = "declined by the card's bank";
    } else if (kind == OrderKind.WITHDRAWAL && balance < amount) {
      reason = "insufficient balance at the bank";
    }
    Instant now = clock.instant();
    if (reason == null) {
      jdbc.sql(
              "UPDATE banksim.accounts SET balance_minor = balance_minor + :d WHERE account_no = :a")
          .param("d", kind == OrderKind.DEPOSIT ? amount : -amount)
          .param("a", accountNo)
          .update();
    }
    String outcome = reason == null ? "SUCCEEDED" : "FAILED";
    jdbc.sql(
            "UPDATE banksim.instructions SET status = :s, failure_reason = :r, completed_at = :t,"
                + " business_date = :d WHERE order_id = :o")
        .param("s", outcome)
        .param("r", reason)
        .param("t", Timestamp.from(now))
        .param("d", BusinessCalendar.dateOf(now))
        .param("o", orderId)
        .update();
    boolean lost = behaviour == Behaviour.LOSE_CALLBACK || roll(settings.lostCallbackPercent());
    jdbc.sql("INSERT INTO banksim.callbacks (order_id, status, due_at) VALUES (:o, :s, :t)")
        .param("o", orderId)
        .param("s", lost ? "LOST" : "QUEUED")
        .param("t", Timestamp.from(now.plus(settings.latency())))
        .update();
    return outcome;
  }

  /** A bank-side movement the platform never heard of (a correction at the bank), for tests. */
  public void plantAdjustment(String accountNo, String reference, long amountMinor, LocalDate day) {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql(
                  "INSERT INTO banksim.adjustments (id, account_no, reference, amount_minor,"
                      + " business_date) VALUES (:id, :a, :r, :m, :d)")
              .param("id", Ids.newId(clock))
              .param("a", accountNo)
              .param("r", reference)
              .param("m", amountMinor)
              .param("d", day)
              .update();
          jdbc.sql(
                  "UPDATE banksim.accounts SET balance_minor = balance_minor + :m"
                      + " WHERE account_no = :a")
              .param("m", amountMinor)
              .param("a", accountNo)
              .update();
        });
  }

  @Override
  public Statement statement(LocalDate day) {
    Statement statement = snapshot.execute(status -> statementNow(day));
    return Objects.requireNonNull(statement);
  }

  private Statement statementNow(LocalDate day) {
    List<StatementLine> lines =
        new java.util.ArrayList<>(
            jdbc.sql(
                    "SELECT order_id, kind, account_no, amount_minor FROM banksim.instructions"
                        + " WHERE status = 'SUCCEEDED' AND business_date = :d ORDER BY order_id")
                .param("d", day)
                .query(
                    (rs, n) ->
                        new StatementLine(
                            rs.getObject(1, UUID.class).toString(),
                            OrderKind.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getLong(4)))
                .list());
    lines.addAll(
        jdbc.sql(
                "SELECT reference, account_no, amount_minor FROM banksim.adjustments"
                    + " WHERE business_date = :d ORDER BY id")
            .param("d", day)
            .query(
                (rs, n) ->
                    new StatementLine(
                        rs.getString(1), OrderKind.DEPOSIT, rs.getString(2), rs.getLong(3)))
            .list());
    List<AccountBalance> balances =
        jdbc.sql("SELECT account_no, balance_minor FROM banksim.accounts ORDER BY account_no")
            .query((rs, n) -> new AccountBalance(rs.getString(1), rs.getLong(2)))
            .list();
    return new Statement(day, lines, balances, lastBatchPosition());
  }

  @Override
  public String openLedgerAccount(UUID ledgerAccountId, String purpose) {
    // The bank is another system: the account exists at once, whatever the caller's transaction.
    return Objects.requireNonNull(
        batches.execute(status -> openLedgerAccountNow(ledgerAccountId, purpose)));
  }

  private String openLedgerAccountNow(UUID ledgerAccountId, String purpose) {
    return jdbc.sql("SELECT account_no FROM banksim.accounts WHERE customer_ref = :c")
        .param("c", ledgerAccountId)
        .query(String.class)
        .optional()
        .orElseGet(
            () -> {
              String no = "6231" + Long.toString(Math.abs(random.nextLong() % 1_000_000_000_000L));
              jdbc.sql(
                      """
                      INSERT INTO banksim.accounts (account_no, customer_ref, holder_name,
                                                    id_number_hash, opened_at)
                      VALUES (:a, :c, :n, :i, :t) ON CONFLICT (customer_ref) DO NOTHING
                      """)
                  .param("a", no)
                  .param("c", ledgerAccountId)
                  .param("n", purpose)
                  .param("i", hash(purpose))
                  .param("t", Timestamp.from(clock.instant()))
                  .update();
              return jdbc.sql("SELECT account_no FROM banksim.accounts WHERE customer_ref = :c")
                  .param("c", ledgerAccountId)
                  .query(String.class)
                  .single();
            });
  }

  @Override
  public BatchPosition lastBatchPosition() {
    return jdbc.sql(
            """
            SELECT to_xact, to_seq FROM banksim.transfer_batches
             ORDER BY to_xact DESC, to_seq DESC LIMIT 1
            """)
        .query((rs, n) -> new BatchPosition(rs.getLong(1), rs.getLong(2)))
        .optional()
        .orElse(BatchPosition.START);
  }

  @Override
  public BatchAnswer transfer(TransferBatch batch) {
    return Objects.requireNonNull(batches.execute(status -> execute(batch)));
  }

  private BatchAnswer execute(TransferBatch batch) {
    // One batch at a time: the chain is checked and extended under this lock.
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('banksim.transfer_batches'))")
        .query(Object.class)
        .optional();
    if (!lastBatchPosition().equals(batch.from())) {
      return new BatchAnswer(BatchResult.OUT_OF_SEQUENCE, Map.of());
    }
    Set<String> named = new TreeSet<>();
    batch.lines().forEach(l -> named.addAll(List.of(l.fromAccountNo(), l.toAccountNo())));
    Map<String, Long> balances = lockBalances(named);
    Map<String, Long> before = Map.copyOf(balances);
    Map<String, String> rejected = new LinkedHashMap<>();
    long amount = 0;
    for (TransferLine line : batch.lines()) {
      Long from = balances.get(line.fromAccountNo());
      Long to = balances.get(line.toAccountNo());
      if (from == null || to == null) {
        rejected.put(line.reference(), "unknown account");
      } else if (line.amountMinor() <= 0 || line.fromAccountNo().equals(line.toAccountNo())) {
        rejected.put(line.reference(), "not a transfer");
      } else if (from < line.amountMinor()) {
        rejected.put(line.reference(), "insufficient balance");
      } else {
        balances.put(line.fromAccountNo(), from - line.amountMinor());
        balances.put(line.toAccountNo(), Math.addExact(to, line.amountMinor()));
        amount = Math.addExact(amount, line.amountMinor());
      }
    }
    List<String> changed =
        balances.keySet().stream().filter(no -> !balances.get(no).equals(before.get(no))).toList();
    String[] accounts = changed.toArray(new String[0]);
    Long[] values = changed.stream().map(balances::get).toArray(Long[]::new);
    jdbcTemplate.execute(
        (ConnectionCallback<Integer>)
            con -> {
              try (java.sql.PreparedStatement ps =
                  con.prepareStatement(
                      """
                      UPDATE banksim.accounts a SET balance_minor = v.balance
                        FROM unnest(?::varchar[], ?::bigint[]) AS v(account_no, balance)
                       WHERE a.account_no = v.account_no
                      """)) {
                ps.setArray(1, con.createArrayOf("varchar", accounts));
                ps.setArray(2, con.createArrayOf("bigint", values));
                return ps.executeUpdate();
              }
            });
    jdbc.sql(
            """
            INSERT INTO banksim.transfer_batches (batch_id, from_xact, from_seq, to_xact, to_seq,
                                                  lines, amount_minor, received_at)
            VALUES (:id, :fx, :fs, :tx, :ts, :lines, :amount, :at)
            """)
        .param("id", batch.batchId())
        .param("fx", batch.from().xact())
        .param("fs", batch.from().seq())
        .param("tx", batch.to().xact())
        .param("ts", batch.to().seq())
        .param("lines", batch.lines().size() - rejected.size())
        .param("amount", amount)
        .param("at", Timestamp.from(clock.instant()))
        .update();
    return new BatchAnswer(BatchResult.EXECUTED, rejected);
  }

  /** Locks the named accounts (in order) and reads their balances; unknown ones are absent. */
  private Map<String, Long> lockBalances(Set<String> accountNos) {
    String[] names = accountNos.toArray(new String[0]);
    Map<String, Long> balances = new HashMap<>();
    jdbcTemplate.execute(
        (ConnectionCallback<Void>)
            con -> {
              try (java.sql.PreparedStatement ps =
                  con.prepareStatement(
                      """
                      SELECT account_no, balance_minor FROM banksim.accounts
                       WHERE account_no = ANY(?) ORDER BY account_no FOR UPDATE
                      """)) {
                ps.setArray(1, con.createArrayOf("varchar", names));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    balances.put(rs.getString(1), rs.getLong(2));
                  }
                }
              }
              return null;
            });
    return balances;
  }

  /** A queued callback: the instruction's final state, ready to be signed and sent. */
  record Answer(
      long callbackId,
      UUID orderId,
      String kind,
      String status,
      long amountMinor,
      @Nullable String reason,
      LocalDate businessDate) {}

  /** Queued callbacks that are due ({@code all}: every queued one, as the flush endpoint asks). */
  List<Answer> dueAnswers(boolean all, int limit) {
    return jdbc.sql(
            "SELECT c.id, i.order_id, i.kind, i.status, i.amount_minor, i.failure_reason,"
                + " i.business_date FROM banksim.callbacks c JOIN banksim.instructions i"
                + " ON i.order_id = c.order_id WHERE c.status = 'QUEUED'"
                + " AND (:all OR c.due_at <= :now) ORDER BY c.id LIMIT :n")
        .param("all", all)
        .param("now", Timestamp.from(clock.instant()))
        .param("n", limit)
        .query(
            (rs, n) ->
                new Answer(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getObject(7, LocalDate.class)))
        .list();
  }

  void markCallback(long callbackId, String status) {
    jdbc.sql(
            "UPDATE banksim.callbacks SET status = :s, delivered_at = :t WHERE id = :id"
                + " AND status = 'QUEUED'")
        .param("s", status)
        .param("t", Timestamp.from(clock.instant()))
        .param("id", callbackId)
        .update();
  }

  /** The sub-account number of a customer at this bank. */
  /** The balance the bank holds in an account (tests and the simulator's pages). */
  public long balanceOf(String accountNo) {
    return jdbc.sql("SELECT balance_minor FROM banksim.accounts WHERE account_no = :a")
        .param("a", accountNo)
        .query(Long.class)
        .single();
  }

  public Optional<String> accountOf(UUID customerRef) {
    return jdbc.sql("SELECT account_no FROM banksim.accounts WHERE customer_ref = :c")
        .param("c", customerRef)
        .query(String.class)
        .optional();
  }

  private Behaviour behaviourOf(String bindingRef) {
    String cardHash =
        jdbc.sql("SELECT card_hash FROM banksim.cards WHERE binding_ref = :r")
            .param("r", bindingRef)
            .query(String.class)
            .optional()
            .orElse("");
    return behaviours.getOrDefault(cardHash, Behaviour.NORMAL);
  }

  private boolean roll(int percent) {
    return percent > 0 && random.nextInt(100) < percent;
  }

  private static ProblemException problem(int status, String code, String detail) {
    return new ProblemException(
        status,
        code,
        detail,
        "problem." + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
