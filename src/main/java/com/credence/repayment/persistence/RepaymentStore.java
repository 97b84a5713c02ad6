package com.credence.repayment.persistence;

import com.credence.shared.ColumnArrays;
import com.credence.shared.Invariants;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The repayment schema: loans, installments, holdings and their parts, runs, the log. */
@Repository
public class RepaymentStore {

  /** Rows per INSERT when a loan's holdings and holder parts are booked. */
  private static final int ROWS_PER_STATEMENT = 5_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  RepaymentStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** A loan as stored. */
  public record LoanRow(
      UUID loanId,
      UUID listingId,
      UUID borrowerId,
      long principalMinor,
      int annualRateBps,
      int termMonths,
      String method,
      LocalDate valueDate,
      UUID escrowAccount,
      UUID borrowerAccount,
      long monthlyFeeMinor,
      int serviceFeeBps,
      String status,
      int daysOverdue,
      String bucket,
      @Nullable LocalDate settledOn) {}

  /** One installment with what has been paid on it. */
  public record InstallmentRow(
      UUID loanId,
      int number,
      LocalDate dueDate,
      long principalMinor,
      long interestMinor,
      long feeMinor,
      long serviceFeeMinor,
      long penaltyMinor,
      @Nullable LocalDate penaltyAccruedTo,
      long paidPrincipalMinor,
      long paidInterestMinor,
      long paidFeeMinor,
      long paidPenaltyMinor,
      String status,
      @Nullable LocalDate paidOn) {

    public long totalMinor() {
      return principalMinor + interestMinor + feeMinor + penaltyMinor;
    }

    public long paidMinor() {
      return paidPrincipalMinor + paidInterestMinor + paidFeeMinor + paidPenaltyMinor;
    }

    /** Principal and interest not yet paid: what penalty interest accrues on. */
    public long overdueBaseMinor() {
      return principalMinor - paidPrincipalMinor + interestMinor - paidInterestMinor;
    }
  }

  /** A holding of a loan; weights of the splits are the principals in position order. */
  public record HoldingRow(
      UUID holdingId, UUID loanId, UUID investorId, UUID investorAccount, long principalMinor) {}

  /** A holding's part of one installment. */
  public record HolderPartRow(
      UUID loanId,
      int number,
      UUID holdingId,
      LocalDate dueDate,
      long principalMinor,
      long interestMinor,
      long penaltyMinor,
      @Nullable LocalDate paidOn) {}

  // ---- loans ------------------------------------------------------------------------------

  /** Inserts the loan; false when it exists already (the event was delivered before). */
  public boolean insertLoan(LoanRow l, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO repayment.loans (loan_id, listing_id, borrower_id, principal_minor,
                  annual_rate_bps, term_months, method, value_date, escrow_account,
                  borrower_account, monthly_fee_minor, service_fee_bps, status, created_at)
                VALUES (:loan, :listing, :borrower, :principal, :rate, :term, :method, :valueDate,
                  :escrow, :borrowerAccount, :fee, :serviceFee, :status, :now)
                ON CONFLICT (loan_id) DO NOTHING
                """)
            .param("loan", l.loanId())
            .param("listing", l.listingId())
            .param("borrower", l.borrowerId())
            .param("principal", l.principalMinor())
            .param("rate", l.annualRateBps())
            .param("term", l.termMonths())
            .param("method", l.method())
            .param("valueDate", l.valueDate())
            .param("escrow", l.escrowAccount())
            .param("borrowerAccount", l.borrowerAccount())
            .param("fee", l.monthlyFeeMinor())
            .param("serviceFee", l.serviceFeeBps())
            .param("status", l.status())
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  public void insertInstallments(List<InstallmentRow> rows) {
    template.batchUpdate(
        """
        INSERT INTO repayment.installments (loan_id, number, due_date, principal_minor,
          interest_minor, fee_minor, service_fee_minor)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        rows,
        1000,
        (ps, r) -> {
          ps.setObject(1, r.loanId());
          ps.setInt(2, r.number());
          ps.setDate(3, Date.valueOf(r.dueDate()));
          ps.setLong(4, r.principalMinor());
          ps.setLong(5, r.interestMinor());
          ps.setLong(6, r.feeMinor());
          ps.setLong(7, r.serviceFeeMinor());
        });
  }

  public void insertHoldings(List<HoldingRow> rows) {
    ColumnArrays.insert(
        template,
        """
        INSERT INTO repayment.holdings (holding_id, loan_id, investor_id, investor_account,
          principal_minor, position)
        SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::int[])
        """,
        new String[] {"uuid", "uuid", "uuid", "uuid", "int8", "int4"},
        rows,
        ROWS_PER_STATEMENT,
        (h, c, i, position) -> {
          c[0][i] = h.holdingId();
          c[1][i] = h.loanId();
          c[2][i] = h.investorId();
          c[3][i] = h.investorAccount();
          c[4][i] = h.principalMinor();
          c[5][i] = position;
        });
  }

  public void insertHolderParts(List<HolderPartRow> rows) {
    ColumnArrays.insert(
        template,
        """
        INSERT INTO repayment.holder_installments (loan_id, number, holding_id, due_date,
          principal_minor, interest_minor)
        SELECT * FROM unnest(?::uuid[], ?::int[], ?::uuid[], ?::date[], ?::bigint[], ?::bigint[])
        """,
        new String[] {"uuid", "int4", "uuid", "date", "int8", "int8"},
        rows,
        ROWS_PER_STATEMENT,
        (r, c, i, position) -> {
          c[0][i] = r.loanId();
          c[1][i] = r.number();
          c[2][i] = r.holdingId();
          c[3][i] = r.dueDate().toString();
          c[4][i] = r.principalMinor();
          c[5][i] = r.interestMinor();
        });
  }

  private static final String LOAN_COLUMNS =
      """
      SELECT loan_id, listing_id, borrower_id, principal_minor, annual_rate_bps, term_months,
        method, value_date, escrow_account, borrower_account, monthly_fee_minor, service_fee_bps,
        status, days_overdue, bucket, settled_on FROM repayment.loans
      """;

  public Optional<LoanRow> loan(UUID loanId) {
    return jdbc.sql(LOAN_BY_ID).param("loan", loanId).query(RepaymentStore::loanRow).optional();
  }

  /** Locks the loan's row for the rest of the transaction (serialises servicing of one loan). */
  public Optional<LoanRow> lockLoan(UUID loanId) {
    return jdbc.sql(LOAN_BY_ID_FOR_UPDATE)
        .param("loan", loanId)
        .query(RepaymentStore::loanRow)
        .optional();
  }

  /** Locks the given loans in id order (no deadlock between two runs) and answers them. */
  public List<LoanRow> lockLoans(Collection<UUID> loanIds) {
    return jdbc.sql(LOANS_FOR_UPDATE)
        .param("ids", loanIds.toArray(UUID[]::new))
        .query(RepaymentStore::loanRow)
        .list();
  }

  public List<LoanRow> loansOfBorrower(UUID borrowerId, int offset, int limit) {
    return jdbc.sql(LOANS_OF_BORROWER)
        .param("b", borrowerId)
        .param("l", limit)
        .param("o", offset)
        .query(RepaymentStore::loanRow)
        .list();
  }

  public long countLoansOfBorrower(UUID borrowerId) {
    return jdbc.sql("SELECT count(*) FROM repayment.loans WHERE borrower_id = :b")
        .param("b", borrowerId)
        .query(Long.class)
        .single();
  }

  /** Loans not settled with an installment past due on or before {@code date}, worst first. */
  public List<LoanRow> overdueLoans(int limit) {
    return jdbc.sql(OVERDUE_LOANS).param("l", limit).query(RepaymentStore::loanRow).list();
  }

  public void setStatus(UUID loanId, String status, @Nullable LocalDate settledOn) {
    jdbc.sql("UPDATE repayment.loans SET status = :s, settled_on = :d WHERE loan_id = :loan")
        .param("s", status)
        .param("d", settledOn)
        .param("loan", loanId)
        .update();
  }

  /** These loans are SETTLED on the date and current, set-based. */
  public void settle(Collection<UUID> loanIds, LocalDate settledOn) {
    jdbc.sql(
            """
            UPDATE repayment.loans SET status = 'SETTLED', settled_on = :d, days_overdue = 0,
              bucket = 'CURRENT' WHERE loan_id = ANY(:loans)
            """)
        .param("d", settledOn)
        .param("loans", loanIds.toArray(UUID[]::new))
        .update();
  }

  public void setDelinquency(UUID loanId, int daysOverdue, String bucket) {
    jdbc.sql("UPDATE repayment.loans SET days_overdue = :d, bucket = :b WHERE loan_id = :loan")
        .param("d", daysOverdue)
        .param("b", bucket)
        .param("loan", loanId)
        .update();
  }

  /** Loans that are current again (nothing past due) get bucket CURRENT; set-based. */
  public int clearDelinquency(LocalDate date) {
    return jdbc.sql(
            """
            UPDATE repayment.loans l SET days_overdue = 0, bucket = 'CURRENT'
            WHERE l.days_overdue <> 0 AND NOT EXISTS (
              SELECT 1 FROM repayment.installments i
              WHERE i.loan_id = l.loan_id AND i.status <> 'PAID' AND i.due_date < :d)
            """)
        .param("d", date)
        .update();
  }

  /** Per loan with something unpaid past due before {@code date}: the oldest such due date. */
  public List<LoanOldestDue> oldestPastDue(LocalDate date) {
    return jdbc.sql(
            """
            SELECT i.loan_id, min(i.due_date) AS oldest FROM repayment.installments i
            WHERE i.status <> 'PAID' AND i.due_date < :d GROUP BY i.loan_id
            """)
        .param("d", date)
        .query(
            (rs, n) ->
                new LoanOldestDue(
                    rs.getObject("loan_id", UUID.class), rs.getObject("oldest", LocalDate.class)))
        .list();
  }

  public record LoanOldestDue(UUID loanId, LocalDate oldestDue) {}

  public record BucketCount(String bucket, long loans, long outstandingMinor) {}

  public List<BucketCount> bucketCounts() {
    return jdbc.sql(
            """
            SELECT l.bucket, count(*) AS loans, coalesce(sum(
              (SELECT coalesce(sum(i.principal_minor - i.paid_principal_minor), 0)
               FROM repayment.installments i WHERE i.loan_id = l.loan_id)), 0) AS outstanding
            FROM repayment.loans l WHERE l.status <> 'SETTLED' GROUP BY l.bucket
            """)
        .query(
            (rs, n) ->
                new BucketCount(
                    rs.getString("bucket"), rs.getLong("loans"), rs.getLong("outstanding")))
        .list();
  }

  // ---- installments -----------------------------------------------------------------------

  private static final String INSTALLMENT_COLUMNS =
      """
      SELECT loan_id, number, due_date, principal_minor, interest_minor, fee_minor,
        service_fee_minor, penalty_minor, penalty_accrued_to, paid_principal_minor,
        paid_interest_minor, paid_fee_minor, paid_penalty_minor, status, paid_on
      FROM repayment.installments
      """;

  public List<InstallmentRow> installments(UUID loanId) {
    return jdbc.sql(INSTALLMENTS_OF_LOAN)
        .param("loan", loanId)
        .query(RepaymentStore::installmentRow)
        .list();
  }

  /** Unpaid installments of these loans due on or before {@code date}, per loan oldest first. */
  public List<InstallmentRow> openDue(Collection<UUID> loanIds, LocalDate date) {
    return jdbc.sql(OPEN_DUE_INSTALLMENTS)
        .param("ids", loanIds.toArray(UUID[]::new))
        .param("d", date)
        .query(RepaymentStore::installmentRow)
        .list();
  }

  /** Loans (not settled) with an unpaid installment due on or before the date, in id order. */
  public List<UUID> loansWithDue(LocalDate date, @Nullable UUID after, int limit) {
    return jdbc.sql(
            """
            SELECT DISTINCT loan_id FROM repayment.installments
            WHERE status <> 'PAID' AND due_date <= :d
              AND (CAST(:after AS uuid) IS NULL OR loan_id > CAST(:after AS uuid))
            ORDER BY loan_id LIMIT :l
            """)
        .param("d", date)
        .param("after", after)
        .param("l", limit)
        .query(UUID.class)
        .list();
  }

  /** Unpaid installments past due before the date: the ones that accrue penalty. */
  public List<InstallmentRow> pastDue(LocalDate date) {
    return jdbc.sql(PAST_DUE_INSTALLMENTS)
        .param("d", date)
        .query(RepaymentStore::installmentRow)
        .list();
  }

  public void setPenalty(UUID loanId, int number, long penaltyMinor, LocalDate accruedTo) {
    jdbc.sql(
            """
            UPDATE repayment.installments SET penalty_minor = :p, penalty_accrued_to = :d
            WHERE loan_id = :loan AND number = :n
            """)
        .param("p", penaltyMinor)
        .param("d", accruedTo)
        .param("loan", loanId)
        .param("n", number)
        .update();
  }

  /** Marks unpaid installments due on or before the date OVERDUE; set-based. */
  public int markOverdue(LocalDate date) {
    return jdbc.sql(
            """
            UPDATE repayment.installments SET status = 'OVERDUE'
            WHERE status = 'SCHEDULED' AND due_date <= :d
            """)
        .param("d", date)
        .update();
  }

  /** Adds a payment to an installment; PAID when it is paid in full. */
  public record Payment(
      UUID loanId,
      int number,
      long penaltyMinor,
      long feeMinor,
      long interestMinor,
      long principalMinor,
      boolean settles) {}

  public void applyPayments(List<Payment> payments, LocalDate date) {
    if (payments.isEmpty()) {
      return;
    }
    int n = payments.size();
    UUID[] loans = new UUID[n];
    Integer[] numbers = new Integer[n];
    Long[][] amounts = new Long[4][n];
    Boolean[] settles = new Boolean[n];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Payment p = payments.get(i);
      // One row per installment: an UPDATE ... FROM applies only one of two rows for the same one.
      Invariants.check(
          seen.add(p.loanId() + ":" + p.number()), "installment %s paid twice in one call", p);
      loans[i] = p.loanId();
      numbers[i] = p.number();
      amounts[0][i] = p.penaltyMinor();
      amounts[1][i] = p.feeMinor();
      amounts[2][i] = p.interestMinor();
      amounts[3][i] = p.principalMinor();
      settles[i] = p.settles();
    }
    int updated =
        jdbc.sql(
                """
                UPDATE repayment.installments i SET
                  paid_penalty_minor = i.paid_penalty_minor + u.penalty,
                  paid_fee_minor = i.paid_fee_minor + u.fee,
                  paid_interest_minor = i.paid_interest_minor + u.interest,
                  paid_principal_minor = i.paid_principal_minor + u.principal,
                  status = CASE WHEN u.settles THEN 'PAID' ELSE i.status END,
                  paid_on = CASE WHEN u.settles THEN CAST(:date AS date) ELSE i.paid_on END
                FROM unnest(CAST(:loans AS uuid[]), CAST(:numbers AS int[]),
                            CAST(:penalty AS bigint[]), CAST(:fee AS bigint[]),
                            CAST(:interest AS bigint[]), CAST(:principal AS bigint[]),
                            CAST(:settles AS boolean[]))
                  AS u(loan_id, number, penalty, fee, interest, principal, settles)
                WHERE i.loan_id = u.loan_id AND i.number = u.number
                """)
            .param("date", date)
            .param("loans", loans)
            .param("numbers", numbers)
            .param("penalty", amounts[0])
            .param("fee", amounts[1])
            .param("interest", amounts[2])
            .param("principal", amounts[3])
            .param("settles", settles)
            .update();
    Invariants.check(updated == n, "paid %s installments of %s", updated, n);
  }

  /** Replaces the unpaid installments from {@code fromNumber} on (early repayment). */
  public void deleteInstallmentsFrom(UUID loanId, int fromNumber) {
    jdbc.sql("DELETE FROM repayment.holder_installments WHERE loan_id = :loan AND number >= :n")
        .param("loan", loanId)
        .param("n", fromNumber)
        .update();
    jdbc.sql("DELETE FROM repayment.installments WHERE loan_id = :loan AND number >= :n")
        .param("loan", loanId)
        .param("n", fromNumber)
        .update();
  }

  public boolean allPaid(UUID loanId) {
    return !jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM repayment.installments WHERE loan_id = :loan"
                + " AND status <> 'PAID')")
        .param("loan", loanId)
        .query(Boolean.class)
        .single();
  }

  // ---- holdings and their parts -----------------------------------------------------------

  public List<HoldingRow> holdings(Collection<UUID> loanIds) {
    return jdbc.sql(
            """
            SELECT holding_id, loan_id, investor_id, investor_account, principal_minor
            FROM repayment.holdings WHERE loan_id = ANY(:ids) ORDER BY loan_id, position
            """)
        .param("ids", loanIds.toArray(UUID[]::new))
        .query(RepaymentStore::holdingRow)
        .list();
  }

  /** One holding by its id. */
  public Optional<HoldingRow> holding(UUID holdingId) {
    return jdbc.sql(
            """
            SELECT holding_id, loan_id, investor_id, investor_account, principal_minor
            FROM repayment.holdings WHERE holding_id = :id
            """)
        .param("id", holdingId)
        .query(RepaymentStore::holdingRow)
        .optional();
  }

  private static HoldingRow holdingRow(ResultSet rs, int n) throws SQLException {
    return new HoldingRow(
        rs.getObject("holding_id", UUID.class),
        rs.getObject("loan_id", UUID.class),
        rs.getObject("investor_id", UUID.class),
        rs.getObject("investor_account", UUID.class),
        rs.getLong("principal_minor"));
  }

  private static final String PART_COLUMNS =
      """
      SELECT hi.loan_id, hi.number, hi.holding_id, hi.due_date, hi.principal_minor,
        hi.interest_minor, hi.penalty_minor, i.paid_on FROM repayment.holder_installments hi
      JOIN repayment.installments i ON i.loan_id = hi.loan_id AND i.number = hi.number
      """;

  public List<HolderPartRow> partsOfHoldings(Collection<UUID> holdingIds) {
    return jdbc.sql(PARTS_OF_HOLDINGS)
        .param("ids", holdingIds.toArray(UUID[]::new))
        .query(RepaymentStore::partRow)
        .list();
  }

  /** An investor's parts with due or paid dates in [from, to]. */
  public List<HolderPartRow> partsOfInvestor(UUID investorId, LocalDate from, LocalDate to) {
    return jdbc.sql(PARTS_OF_INVESTOR)
        .param("inv", investorId)
        .param("f", from)
        .param("t", to)
        .query(RepaymentStore::partRow)
        .list();
  }

  /** The parts of the given installments, per installment in holding position order. */
  public List<HolderPartRow> partsOfInstallments(Collection<UUID> loanIds) {
    return jdbc.sql(OPEN_PARTS_OF_LOANS)
        .param("ids", loanIds.toArray(UUID[]::new))
        .query(RepaymentStore::partRow)
        .list();
  }

  /** Records that holders were paid their part of an installment (with its penalty part). */
  public record PartPaid(UUID loanId, int number, UUID holdingId, long penaltyMinor) {}

  /**
   * Marks holders' parts paid: the few with a penalty part one by one, then all the others of the
   * same installments in one set-based statement.
   */
  public void markPartsPaid(List<PartPaid> parts) {
    // A part is paid when its installment is (the same transaction distributes it): only a
    // penalty part, which was not known when the schedule was written, is stored.
    List<PartPaid> withPenalty = parts.stream().filter(p -> p.penaltyMinor() > 0).toList();
    if (withPenalty.isEmpty()) {
      return;
    }
    template.batchUpdate(
        """
        UPDATE repayment.holder_installments SET penalty_minor = ?
        WHERE loan_id = ? AND number = ? AND holding_id = ?
        """,
        withPenalty,
        5000,
        (ps, p) -> {
          ps.setLong(1, p.penaltyMinor());
          ps.setObject(2, p.loanId());
          ps.setInt(3, p.number());
          ps.setObject(4, p.holdingId());
        });
  }

  // ---- repayments -------------------------------------------------------------------------

  public record RepaymentRow(
      UUID repaymentId,
      UUID loanId,
      UUID borrowerId,
      String idempotencyKey,
      String requestHash,
      long amountMinor,
      long penaltyMinor,
      long feeMinor,
      long interestMinor,
      long principalMinor,
      long earlyFeeMinor,
      String kind,
      LocalDate businessDate) {}

  public void insertRepayment(RepaymentRow r, Instant now) {
    jdbc.sql(
            """
            INSERT INTO repayment.repayments (repayment_id, loan_id, borrower_id, idempotency_key,
              request_hash, amount_minor, penalty_minor, fee_minor, interest_minor,
              principal_minor, early_fee_minor, kind, business_date, created_at)
            VALUES (:id, :loan, :b, :k, :h, :a, :p, :f, :i, :pr, :e, :kind, :d, :now)
            """)
        .param("id", r.repaymentId())
        .param("loan", r.loanId())
        .param("b", r.borrowerId())
        .param("k", r.idempotencyKey())
        .param("h", r.requestHash())
        .param("a", r.amountMinor())
        .param("p", r.penaltyMinor())
        .param("f", r.feeMinor())
        .param("i", r.interestMinor())
        .param("pr", r.principalMinor())
        .param("e", r.earlyFeeMinor())
        .param("kind", r.kind())
        .param("d", r.businessDate())
        .param("now", Timestamp.from(now))
        .update();
  }

  public Optional<RepaymentRow> repaymentByKey(UUID borrowerId, String key) {
    return jdbc.sql(
            """
            SELECT repayment_id, loan_id, borrower_id, idempotency_key, request_hash,
              amount_minor, penalty_minor, fee_minor, interest_minor, principal_minor,
              early_fee_minor, kind, business_date
            FROM repayment.repayments WHERE borrower_id = :b AND idempotency_key = :k
            """)
        .param("b", borrowerId)
        .param("k", key)
        .query(
            (rs, n) ->
                new RepaymentRow(
                    rs.getObject("repayment_id", UUID.class),
                    rs.getObject("loan_id", UUID.class),
                    rs.getObject("borrower_id", UUID.class),
                    rs.getString("idempotency_key"),
                    rs.getString("request_hash"),
                    rs.getLong("amount_minor"),
                    rs.getLong("penalty_minor"),
                    rs.getLong("fee_minor"),
                    rs.getLong("interest_minor"),
                    rs.getLong("principal_minor"),
                    rs.getLong("early_fee_minor"),
                    rs.getString("kind"),
                    rs.getObject("business_date", LocalDate.class)))
        .optional();
  }

  /** Per loan, the number of its last installment (settling it settles the loan). */
  public Map<UUID, Integer> lastNumbers(Collection<UUID> loanIds) {
    Map<UUID, Integer> result = new HashMap<>();
    jdbc.sql(
            """
            SELECT loan_id, max(number) AS last FROM repayment.installments
            WHERE loan_id = ANY(:ids) GROUP BY loan_id
            """)
        .param("ids", loanIds.toArray(UUID[]::new))
        .query(
            rs -> {
              result.put(rs.getObject("loan_id", UUID.class), rs.getInt("last"));
            });
    return result;
  }

  /**
   * The holders' parts of these (unpaid) installments, by installment; within one, in no particular
   * order (callers match parts to holdings by holding id). Read through the primary key by loan and
   * number, whatever the number of holdings on the platform.
   */
  public List<HolderPartRow> partsOf(Collection<InstallmentRow> installments) {
    if (installments.isEmpty()) {
      return List.of();
    }
    UUID[] loans = new UUID[installments.size()];
    Integer[] numbers = new Integer[installments.size()];
    int i = 0;
    for (InstallmentRow installment : installments) {
      loans[i] = installment.loanId();
      numbers[i] = installment.number();
      i++;
    }
    return jdbc.sql(PARTS_OF_INSTALLMENTS)
        .param("loans", loans)
        .param("numbers", numbers)
        .query(RepaymentStore::partRow)
        .list();
  }

  /** The parts of exactly the (loan, number) pairs given. */
  private static final String PARTS_OF_INSTALLMENTS =
      """
      SELECT hi.loan_id, hi.number, hi.holding_id, hi.due_date, hi.principal_minor,
        hi.interest_minor, hi.penalty_minor, CAST(NULL AS date) AS paid_on
      FROM unnest(CAST(:loans AS uuid[]), CAST(:numbers AS int[])) AS w(loan_id, number)
      JOIN repayment.holder_installments hi ON hi.loan_id = w.loan_id AND hi.number = w.number
      """;

  /**
   * Records, in the transaction that ended the business date, that its run is due: a RUNNING row
   * whose lease has already run out, so that any node resumes it if the run does not start.
   */
  public void scheduleRun(LocalDate date, Instant now) {
    jdbc.sql(
            """
            INSERT INTO repayment.eod_runs (business_date, status, owner, lease_until, started_at)
            VALUES (:d, 'RUNNING', 'scheduled', :expired, :now) ON CONFLICT DO NOTHING
            """)
        .param("d", date)
        .param("expired", Timestamp.from(now.minusSeconds(86_400)))
        .param("now", Timestamp.from(now))
        .update();
  }

  // ---- end-of-day runs --------------------------------------------------------------------

  /**
   * Claims the run of a date: a new row, or a BLOCKED one (to retry the close), or a RUNNING one
   * whose owner's lease ran out (it died). False when another node holds it or it is CLOSED.
   */
  public boolean claimRun(LocalDate date, String owner, Instant now, Instant leaseUntil) {
    return jdbc.sql(
                """
                INSERT INTO repayment.eod_runs (business_date, status, owner, lease_until,
                  started_at) VALUES (:d, 'RUNNING', :o, :lease, :now)
                ON CONFLICT (business_date) DO UPDATE SET status = 'RUNNING',
                  owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
                WHERE repayment.eod_runs.status = 'BLOCKED'
                   OR (repayment.eod_runs.status = 'RUNNING'
                       AND repayment.eod_runs.lease_until < :now)
                """)
            .param("d", date)
            .param("o", owner)
            .param("lease", Timestamp.from(leaseUntil))
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  public void finishRun(
      LocalDate date, String status, int collected, int distributed, String detail, Instant now) {
    jdbc.sql(
            """
            UPDATE repayment.eod_runs SET status = :s, finished_at = :now,
              collected = collected + :c, distributed = distributed + :dist, detail = :detail
            WHERE business_date = :d
            """)
        .param("s", status)
        .param("now", Timestamp.from(now))
        .param("c", collected)
        .param("dist", distributed)
        .param("detail", detail)
        .param("d", date)
        .update();
  }

  public record RunRow(
      LocalDate businessDate,
      String status,
      int collected,
      int distributed,
      @Nullable String detail) {}

  public Optional<RunRow> run(LocalDate date) {
    return jdbc.sql(
            "SELECT business_date, status, collected, distributed, detail FROM repayment.eod_runs"
                + " WHERE business_date = :d")
        .param("d", date)
        .query(RepaymentStore::runRow)
        .optional();
  }

  /** Runs not closed, oldest first (resumed by the scheduler). */
  public List<RunRow> unfinishedRuns(Instant now) {
    return jdbc.sql(
            """
            SELECT business_date, status, collected, distributed, detail FROM repayment.eod_runs
            WHERE status = 'BLOCKED' OR (status = 'RUNNING' AND lease_until < :now)
            ORDER BY business_date LIMIT 100
            """)
        .param("now", Timestamp.from(now))
        .query(RepaymentStore::runRow)
        .list();
  }

  public Optional<LocalDate> lastRunDate() {
    return jdbc.sql("SELECT max(business_date) FROM repayment.eod_runs")
        .query(LocalDate.class)
        .optional();
  }

  public List<RunRow> recentRuns(int limit) {
    return jdbc.sql(
            "SELECT business_date, status, collected, distributed, detail FROM repayment.eod_runs"
                + " ORDER BY business_date DESC LIMIT :l")
        .param("l", limit)
        .query(RepaymentStore::runRow)
        .list();
  }

  // ---- collections log --------------------------------------------------------------------

  public record LogEntry(
      UUID entryId,
      UUID loanId,
      UUID operatorId,
      String kind,
      String note,
      @Nullable LocalDate promisedDate,
      @Nullable Long promisedMinor,
      Instant createdAt) {}

  public void insertLogEntry(LogEntry e) {
    jdbc.sql(
            """
            INSERT INTO repayment.collection_log (entry_id, loan_id, operator_id, kind, note,
              promised_date, promised_minor, created_at)
            VALUES (:id, :loan, :op, :kind, :note, :pd, :pm, :at)
            """)
        .param("id", e.entryId())
        .param("loan", e.loanId())
        .param("op", e.operatorId())
        .param("kind", e.kind())
        .param("note", e.note())
        .param("pd", e.promisedDate())
        .param("pm", e.promisedMinor())
        .param("at", Timestamp.from(e.createdAt()))
        .update();
  }

  public List<LogEntry> logOf(UUID loanId) {
    return jdbc.sql(
            """
            SELECT entry_id, loan_id, operator_id, kind, note, promised_date, promised_minor,
              created_at FROM repayment.collection_log WHERE loan_id = :loan
            ORDER BY created_at DESC LIMIT 200
            """)
        .param("loan", loanId)
        .query(
            (rs, n) ->
                new LogEntry(
                    rs.getObject("entry_id", UUID.class),
                    rs.getObject("loan_id", UUID.class),
                    rs.getObject("operator_id", UUID.class),
                    rs.getString("kind"),
                    rs.getString("note"),
                    rs.getObject("promised_date", LocalDate.class),
                    (Long) rs.getObject("promised_minor"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  private static final String LOAN_BY_ID = LOAN_COLUMNS + " WHERE loan_id = :loan";
  private static final String LOAN_BY_ID_FOR_UPDATE =
      LOAN_COLUMNS + " WHERE loan_id = :loan FOR UPDATE";
  private static final String LOANS_FOR_UPDATE =
      LOAN_COLUMNS + " WHERE loan_id = ANY(:ids) ORDER BY loan_id FOR UPDATE";
  private static final String LOANS_OF_BORROWER =
      LOAN_COLUMNS + " WHERE borrower_id = :b ORDER BY created_at DESC, loan_id LIMIT :l OFFSET :o";
  private static final String OVERDUE_LOANS =
      LOAN_COLUMNS
          + " WHERE status <> 'SETTLED' AND days_overdue > 0"
          + " ORDER BY days_overdue DESC, loan_id LIMIT :l";
  private static final String INSTALLMENTS_OF_LOAN =
      INSTALLMENT_COLUMNS + " WHERE loan_id = :loan ORDER BY number";
  private static final String OPEN_DUE_INSTALLMENTS =
      INSTALLMENT_COLUMNS
          + " WHERE loan_id = ANY(:ids) AND status <> 'PAID' AND due_date <= :d"
          + " ORDER BY loan_id, number";
  private static final String PAST_DUE_INSTALLMENTS =
      INSTALLMENT_COLUMNS + " WHERE status <> 'PAID' AND due_date < :d ORDER BY loan_id, number";
  private static final String PARTS_OF_HOLDINGS =
      PART_COLUMNS + " WHERE hi.holding_id = ANY(:ids) ORDER BY hi.due_date";
  private static final String PARTS_OF_INVESTOR =
      PART_COLUMNS
          + """
                JOIN repayment.holdings h ON h.holding_id = hi.holding_id
                WHERE h.investor_id = :inv AND (hi.due_date BETWEEN :f AND :t
                  OR i.paid_on BETWEEN :f AND :t)
                ORDER BY coalesce(i.paid_on, hi.due_date), hi.loan_id, hi.number
                """;
  private static final String OPEN_PARTS_OF_LOANS =
      PART_COLUMNS
          + """
                JOIN repayment.holdings h ON h.holding_id = hi.holding_id
                WHERE hi.loan_id = ANY(:ids) AND i.status <> 'PAID'
                ORDER BY hi.loan_id, hi.number, h.position
                """;

  // ---- mappers ----------------------------------------------------------------------------

  private static LoanRow loanRow(ResultSet rs, int n) throws SQLException {
    return new LoanRow(
        rs.getObject("loan_id", UUID.class),
        rs.getObject("listing_id", UUID.class),
        rs.getObject("borrower_id", UUID.class),
        rs.getLong("principal_minor"),
        rs.getInt("annual_rate_bps"),
        rs.getInt("term_months"),
        rs.getString("method"),
        rs.getObject("value_date", LocalDate.class),
        rs.getObject("escrow_account", UUID.class),
        rs.getObject("borrower_account", UUID.class),
        rs.getLong("monthly_fee_minor"),
        rs.getInt("service_fee_bps"),
        rs.getString("status"),
        rs.getInt("days_overdue"),
        rs.getString("bucket"),
        rs.getObject("settled_on", LocalDate.class));
  }

  private static InstallmentRow installmentRow(ResultSet rs, int n) throws SQLException {
    return new InstallmentRow(
        rs.getObject("loan_id", UUID.class),
        rs.getInt("number"),
        rs.getObject("due_date", LocalDate.class),
        rs.getLong("principal_minor"),
        rs.getLong("interest_minor"),
        rs.getLong("fee_minor"),
        rs.getLong("service_fee_minor"),
        rs.getLong("penalty_minor"),
        rs.getObject("penalty_accrued_to", LocalDate.class),
        rs.getLong("paid_principal_minor"),
        rs.getLong("paid_interest_minor"),
        rs.getLong("paid_fee_minor"),
        rs.getLong("paid_penalty_minor"),
        rs.getString("status"),
        rs.getObject("paid_on", LocalDate.class));
  }

  private static HolderPartRow partRow(ResultSet rs, int n) throws SQLException {
    return new HolderPartRow(
        rs.getObject("loan_id", UUID.class),
        rs.getInt("number"),
        rs.getObject("holding_id", UUID.class),
        rs.getObject("due_date", LocalDate.class),
        rs.getLong("principal_minor"),
        rs.getLong("interest_minor"),
        rs.getLong("penalty_minor"),
        rs.getObject("paid_on", LocalDate.class));
  }

  private static RunRow runRow(ResultSet rs, int n) throws SQLException {
    return new RunRow(
        rs.getObject("business_date", LocalDate.class),
        rs.getString("status"),
        rs.getInt("collected"),
        rs.getInt("distributed"),
        rs.getString("detail"));
  }
}
