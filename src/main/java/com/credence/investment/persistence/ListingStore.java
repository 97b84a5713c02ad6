package com.credence.investment.persistence;

import com.credence.investment.ListingStatus;
import com.credence.shared.ColumnArrays;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The investment module's tables (schema {@code investment}). SQL only as constants with bind
 * parameters.
 */
@Repository
public class ListingStore {

  private static final String LISTING_COLUMNS =
      """
      id, application_id, borrower_id, title, product, purpose, grade, annual_rate_bps, term_months,
      repayment_method, amount_minor, raised_minor, min_investment_minor, step_minor,
      partial_allowed, opens_at, closes_at, status, upfront_fee_minor, monthly_fee_minor,
      investor_service_fee_bps, escrow_account_id, borrower_summary, collateral_summary,
      risk_summary, risks, loan_id, principal_minor, value_date, created_at
      """;

  private static final String INSERT_LISTING =
      """
      INSERT INTO investment.listings (id, application_id, borrower_id, title, product, purpose,
        grade, annual_rate_bps, term_months, repayment_method, amount_minor, raised_minor,
        min_investment_minor, step_minor, partial_allowed, opens_at, closes_at, status,
        upfront_fee_minor, monthly_fee_minor, investor_service_fee_bps, escrow_account_id,
        borrower_summary, collateral_summary, risk_summary, risks, created_at)
      VALUES (:id, :app, :borrower, :title, :product, :purpose, :grade, :rate, :term, :method,
        :amount, 0, :min, :step, :partial, :opens, :closes, 'OPEN', :upfront, :monthly, :svc,
        :escrow, :bsum, :csum, :rsum, :risks, :created)
      ON CONFLICT (application_id) DO NOTHING
      """;

  private static final String SELECT_LISTING =
      "SELECT " + LISTING_COLUMNS + " FROM investment.listings WHERE id = :id";
  private static final String SELECT_LISTINGS =
      "SELECT " + LISTING_COLUMNS + " FROM investment.listings WHERE id = ANY(:ids)";
  private static final String SELECT_LISTING_FOR_UPDATE =
      "SELECT " + LISTING_COLUMNS + " FROM investment.listings WHERE id = :id FOR UPDATE";
  private static final String SELECT_BY_APPLICATION =
      "SELECT " + LISTING_COLUMNS + " FROM investment.listings WHERE application_id = :app";
  private static final String BROWSE_WHERE =
      """
       FROM investment.listings
      WHERE (CAST(:status AS varchar) IS NULL OR status = :status)
        AND (CAST(:grade AS varchar) IS NULL OR grade = :grade)
        AND (CAST(:term AS int) IS NULL OR term_months = :term)
        AND (CAST(:minRate AS int) IS NULL OR annual_rate_bps >= :minRate)
        AND (CAST(:product AS varchar) IS NULL OR product = :product)
      """;
  // One statement per sort (no CASE in ORDER BY), so that PostgreSQL walks an index in the
  // wanted order and stops after the page (V202611250640: indexes led by status, ending with
  // created_at DESC, id DESC, the tie-break of every sort).
  private static final String BROWSE_SELECT = "SELECT " + LISTING_COLUMNS + BROWSE_WHERE;
  private static final String PAGE = " LIMIT :limit OFFSET :offset";
  private static final String BROWSE_NEWEST =
      BROWSE_SELECT + " ORDER BY created_at DESC, id DESC" + PAGE;
  private static final String BROWSE_RATE_DESC =
      BROWSE_SELECT + " ORDER BY annual_rate_bps DESC, created_at DESC, id DESC" + PAGE;
  private static final String BROWSE_RATE_ASC =
      BROWSE_SELECT + " ORDER BY annual_rate_bps ASC, created_at DESC, id DESC" + PAGE;
  private static final String BROWSE_TERM_ASC =
      BROWSE_SELECT + " ORDER BY term_months ASC, created_at DESC, id DESC" + PAGE;
  private static final String BROWSE_CLOSING =
      BROWSE_SELECT + " ORDER BY closes_at ASC, created_at DESC, id DESC" + PAGE;
  private static final String BROWSE_PROGRESS =
      BROWSE_SELECT
          + " ORDER BY raised_minor * 10000 / amount_minor DESC, created_at DESC, id DESC"
          + PAGE;
  private static final String BROWSE_COUNT = "SELECT count(*)" + BROWSE_WHERE;

  // The guard of the invest rush: one update per batch, refused (no row) when the listing is no
  // longer open or the batch would raise more than the amount.
  private static final String ADD_RAISED =
      """
      UPDATE investment.listings
         SET raised_minor = raised_minor + :sum,
             status = CASE WHEN raised_minor + :sum = amount_minor THEN 'FULL' ELSE status END,
             closed_at = CASE WHEN raised_minor + :sum = amount_minor THEN :now ELSE closed_at END
       WHERE id = :id AND status = 'OPEN' AND raised_minor + :sum <= amount_minor
         AND closes_at > :now
      RETURNING raised_minor
      """;

  private static final String INSERT_INVESTMENTS =
      """
      INSERT INTO investment.investments (id, listing_id, investor_id, account_id, amount_minor,
        status, transfer_id, source, idempotency_key, request_hash, created_at)
      SELECT u.id, ?, u.investor, u.account, u.amount, 'FROZEN', u.transfer, u.source, u.key,
             u.hash, ?
        FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::uuid[], ?::varchar[],
                    ?::varchar[], ?::varchar[])
             AS u(id, investor, account, amount, transfer, source, key, hash)
      ON CONFLICT (investor_id, idempotency_key) DO NOTHING
      RETURNING id
      """;

  private static final String DELETE_INVESTMENTS =
      "DELETE FROM investment.investments WHERE id = ANY(?::uuid[])";

  private static final String INVESTMENT_COLUMNS =
      """
      id, listing_id, investor_id, account_id, amount_minor, status, transfer_id, source,
      idempotency_key, request_hash, created_at
      """;
  private static final String SELECT_INVESTMENT_BY_KEY =
      "SELECT "
          + INVESTMENT_COLUMNS
          + " FROM investment.investments WHERE investor_id = :u AND idempotency_key = :key";
  private static final String SELECT_INVESTMENTS_OF_LISTING =
      "SELECT "
          + INVESTMENT_COLUMNS
          + " FROM investment.investments WHERE listing_id = :l ORDER BY created_at, id";
  private static final String SELECT_INVESTMENTS_OF_INVESTOR =
      "SELECT i.*, l.title AS listing_title, l.status AS listing_status FROM (SELECT "
          + INVESTMENT_COLUMNS
          + """
           FROM investment.investments WHERE investor_id = :u
           AND (CAST(:status AS varchar) IS NULL OR status = :status)
           ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
          ) i JOIN investment.listings l ON l.id = i.listing_id
          ORDER BY i.created_at DESC, i.id DESC
          """;
  private static final String COUNT_INVESTMENTS_OF_INVESTOR =
      """
      SELECT count(*) FROM investment.investments WHERE investor_id = :u
         AND (CAST(:status AS varchar) IS NULL OR status = :status)
      """;

  /**
   * What each investor has frozen or lent in listings not yet settled or failed. The plan is fixed
   * by the query's shape, whatever the table statistics say: the investor's investments through
   * their index, then each one's listing by its key. (Joined, a planner without statistics, as on a
   * fresh table in its first rush, walked every investment of every listing.)
   */
  private static final String EXPOSURES =
      """
      SELECT u.investor,
             (SELECT coalesce(sum(i.amount_minor), 0) FROM investment.investments i
               WHERE i.investor_id = u.investor AND i.status IN ('FROZEN', 'ACTIVE')
                 AND (SELECT l.status FROM investment.listings l WHERE l.id = i.listing_id)
                     IN ('OPEN', 'FULL', 'OFFERED', 'REPAYING', 'DEFAULTED'))
        FROM unnest(?::uuid[]) AS u(investor)
      """;

  private static final String HOLDING_COLUMNS =
      """
      h.id, h.listing_id, h.loan_id, h.investor_id, h.account_id, h.principal_minor,
      l.status AS listing_status, l.grade, l.title, h.created_at
      """;
  private static final String SELECT_HOLDINGS_OF_INVESTOR =
      "SELECT "
          + HOLDING_COLUMNS
          + """
           FROM investment.holdings h JOIN investment.listings l ON l.id = h.listing_id
          WHERE h.investor_id = :u ORDER BY h.created_at DESC, h.id DESC LIMIT :limit OFFSET :offset
          """;
  private static final String COUNT_HOLDINGS_OF_INVESTOR =
      "SELECT count(*) FROM investment.holdings WHERE investor_id = :u";
  private static final String SELECT_HOLDINGS_OF_LISTING =
      "SELECT "
          + HOLDING_COLUMNS
          + """
           FROM investment.holdings h JOIN investment.listings l ON l.id = h.listing_id
          WHERE h.listing_id = :l ORDER BY h.created_at, h.id
          """;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ListingStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  // ---- listings

  /** Inserts the listing; false when the application already has one. */
  public boolean insertListing(ListingRow l) {
    return jdbc.sql(INSERT_LISTING)
            .param("id", l.id())
            .param("app", l.applicationId())
            .param("borrower", l.borrowerId())
            .param("title", l.title())
            .param("product", l.product())
            .param("purpose", l.purpose())
            .param("grade", l.grade())
            .param("rate", l.annualRateBps())
            .param("term", l.termMonths())
            .param("method", l.repaymentMethod())
            .param("amount", l.amountMinor())
            .param("min", l.minInvestmentMinor())
            .param("step", l.stepMinor())
            .param("partial", l.partialAllowed())
            .param("opens", Timestamp.from(l.opensAt()))
            .param("closes", Timestamp.from(l.closesAt()))
            .param("upfront", l.upfrontFeeMinor())
            .param("monthly", l.monthlyFeeMinor())
            .param("svc", l.investorServiceFeeBps())
            .param("escrow", l.escrowAccountId())
            .param("bsum", l.borrowerSummary())
            .param("csum", l.collateralSummary())
            .param("rsum", l.riskSummary())
            .param("risks", l.risks())
            .param("created", Timestamp.from(l.createdAt()))
            .update()
        == 1;
  }

  public Optional<ListingRow> listing(UUID id) {
    return jdbc.sql(SELECT_LISTING).param("id", id).query(LISTING).optional();
  }

  /** Reads and locks the listing row (funding and failure only, never per bid). */
  public Optional<ListingRow> lockListing(UUID id) {
    return jdbc.sql(SELECT_LISTING_FOR_UPDATE).param("id", id).query(LISTING).optional();
  }

  public Optional<ListingRow> listingOfApplication(UUID applicationId) {
    return jdbc.sql(SELECT_BY_APPLICATION).param("app", applicationId).query(LISTING).optional();
  }

  /** Filter and sort of a listings page; null filters match everything. */
  public record Browse(
      @Nullable String status,
      @Nullable String grade,
      @Nullable Integer termMonths,
      @Nullable Integer minRateBps,
      @Nullable String product,
      String sort) {}

  public List<ListingRow> browse(Browse b, int limit, long offset) {
    String sql =
        switch (b.sort()) {
          case "RATE_DESC" -> BROWSE_RATE_DESC;
          case "RATE_ASC" -> BROWSE_RATE_ASC;
          case "TERM_ASC" -> BROWSE_TERM_ASC;
          case "CLOSING" -> BROWSE_CLOSING;
          case "PROGRESS" -> BROWSE_PROGRESS;
          default -> BROWSE_NEWEST;
        };
    return browseParams(jdbc.sql(sql), b)
        .param("limit", limit)
        .param("offset", offset)
        .query(LISTING)
        .list();
  }

  /** The raised amount of an OPEN listing, for the in-memory browsing board. */
  public record Progress(UUID id, long raisedMinor) {}

  /** Every OPEN listing's raised amount, at most {@code limit} of them. */
  public List<Progress> openProgress(int limit) {
    return jdbc.sql(
            "SELECT id, raised_minor FROM investment.listings WHERE status = 'OPEN' LIMIT :limit")
        .param("limit", limit)
        .query((rs, i) -> new Progress(rs.getObject(1, UUID.class), rs.getLong(2)))
        .list();
  }

  /** The listings with these ids (those that exist, in no particular order). */
  public List<ListingRow> listings(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT_LISTINGS).param("ids", ids.toArray(UUID[]::new)).query(LISTING).list();
  }

  public long count(Browse b) {
    return browseParams(jdbc.sql(BROWSE_COUNT), b).query(Long.class).single();
  }

  private static JdbcClient.StatementSpec browseParams(JdbcClient.StatementSpec s, Browse b) {
    return s.param("status", b.status())
        .param("grade", b.grade())
        .param("term", b.termMonths())
        .param("minRate", b.minRateBps())
        .param("product", b.product());
  }

  /**
   * Adds a batch's sum to the raised amount when the listing is open and the sum fits.
   *
   * @return the new raised amount, empty when the guard refused the batch
   */
  public OptionalLong addRaised(UUID listingId, long sumMinor, Instant now) {
    List<Long> raised =
        jdbc.sql(ADD_RAISED)
            .param("id", listingId)
            .param("sum", sumMinor)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .list();
    return raised.isEmpty() ? OptionalLong.empty() : OptionalLong.of(raised.get(0));
  }

  /** OFFERED -> FULL: the borrower accepted the partial loan; its funding follows. */
  public void markAccepted(UUID listingId) {
    jdbc.sql(
            "UPDATE investment.listings SET status = 'FULL'"
                + " WHERE id = :id AND status = 'OFFERED' AND loan_id IS NULL")
        .param("id", listingId)
        .update();
  }

  public void markFunded(UUID listingId, UUID loanId, long principalMinor, LocalDate valueDate) {
    jdbc.sql(
            """
            UPDATE investment.listings SET status = 'FULL', loan_id = :loan,
                   principal_minor = :p, value_date = :d
             WHERE id = :id AND loan_id IS NULL
            """)
        .param("id", listingId)
        .param("loan", loanId)
        .param("p", principalMinor)
        .param("d", valueDate)
        .update();
  }

  /**
   * FAILED, with its freezes still to be voided and its investors to be told, as {@code notice},
   * once they are ({@link #refundsDone}).
   */
  public void markFailed(UUID listingId, Instant now, String notice) {
    jdbc.sql(
            """
            UPDATE investment.listings SET status = 'FAILED', closed_at = :now, refund_notice = :n
             WHERE id = :id AND status IN ('OPEN', 'FULL', 'OFFERED') AND loan_id IS NULL
            """)
        .param("id", listingId)
        .param("now", Timestamp.from(now))
        .param("n", notice)
        .update();
  }

  /** Failed listings some of whose freezes are still to be voided. */
  public List<UUID> refundsPending(int limit) {
    return jdbc.sql(
            "SELECT id FROM investment.listings WHERE refund_notice IS NOT NULL ORDER BY id LIMIT :n")
        .param("n", limit)
        .query(UUID.class)
        .list();
  }

  /**
   * Every freeze of the failed listing is voided: answers the notice its investors are still to get
   * (empty when it was given already). Call with the listing row locked.
   */
  public Optional<String> refundsDone(UUID listingId) {
    Optional<String> notice =
        jdbc.sql(
                "SELECT refund_notice FROM investment.listings"
                    + " WHERE id = :id AND refund_notice IS NOT NULL")
            .param("id", listingId)
            .query(String.class)
            .optional();
    notice.ifPresent(
        n ->
            jdbc.sql("UPDATE investment.listings SET refund_notice = NULL WHERE id = :id")
                .param("id", listingId)
                .update());
    return notice;
  }

  /** The titles of the listings of these loans, by loan id. */
  public Map<UUID, String> titlesOfLoans(Collection<UUID> loanIds) {
    Map<UUID, String> titles = new HashMap<>();
    jdbc.sql("SELECT loan_id, title FROM investment.listings WHERE loan_id = ANY(:loans)")
        .param("loans", loanIds.toArray(UUID[]::new))
        .query(
            rs -> {
              titles.put(rs.getObject("loan_id", UUID.class), rs.getString("title"));
            });
    return titles;
  }

  /** The listings of these loans, by loan; loans without a listing are absent. */
  public java.util.Map<UUID, UUID> listingsOfLoans(java.util.Collection<UUID> loanIds) {
    java.util.Map<UUID, UUID> listings = new java.util.HashMap<>();
    jdbc.sql("SELECT loan_id, id FROM investment.listings WHERE loan_id = ANY(:loans)")
        .param("loans", loanIds.toArray(UUID[]::new))
        .query(
            rs -> {
              listings.put(rs.getObject("loan_id", UUID.class), rs.getObject("id", UUID.class));
            });
    return listings;
  }

  /**
   * Sets the status of the listings of these loans, set-based. REPAYING only follows FULL (the loan
   * was booked) and SETTLED is final: a late or repeated message (events are delivered at least
   * once) does not take a defaulted or settled listing back.
   */
  public int updateLoanStatuses(java.util.Collection<UUID> loanIds, ListingStatus status) {
    return jdbc.sql(
            """
            UPDATE investment.listings SET status = :s
             WHERE loan_id = ANY(:loans) AND status <> :s AND status <> 'SETTLED'
               AND (:s <> 'REPAYING' OR status = 'FULL')
            """)
        .param("loans", loanIds.toArray(UUID[]::new))
        .param("s", status.name())
        .update();
  }

  /** Open listings past their deadline and full ones not yet disbursed. */
  public List<UUID> dueListings(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT id FROM investment.listings
             WHERE (status = 'OPEN' AND closes_at <= :now) OR (status = 'FULL' AND loan_id IS NULL)
             ORDER BY closes_at LIMIT :n
            """)
        .param("now", Timestamp.from(now))
        .param("n", limit)
        .query(UUID.class)
        .list();
  }

  /**
   * What the borrower owes or is about to owe on the platform, besides {@code excludedListing}: the
   * principal of its disbursed loans not settled, and what its listings that hold a caps
   * reservation ({@link #reserveCaps}) are about to lend.
   */
  public long outstandingOfBorrower(UUID borrowerId, UUID excludedListing) {
    return jdbc.sql(
            """
            SELECT coalesce(sum(CASE WHEN loan_id IS NOT NULL THEN principal_minor
                                     ELSE raised_minor END), 0)
              FROM investment.listings
             WHERE borrower_id = :b AND id <> :l
               AND ((loan_id IS NOT NULL AND status IN ('FULL', 'REPAYING', 'DEFAULTED'))
                 OR (loan_id IS NULL AND caps_reserved AND status IN ('FULL', 'OFFERED')))
            """)
        .param("b", borrowerId)
        .param("l", excludedListing)
        .query(Long.class)
        .single();
  }

  /**
   * Serializes the borrowing-caps decisions of one borrower until the transaction ends (a
   * transaction-scoped advisory lock keyed by the borrower).
   */
  public void lockBorrowerCaps(UUID borrowerId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('investment.caps'), hashtext(:b))")
        .param("b", borrowerId.toString())
        .query((rs, n) -> 1)
        .list();
  }

  /** Whether the listing holds a caps reservation. */
  public boolean capsReserved(UUID listingId) {
    return jdbc.sql("SELECT caps_reserved FROM investment.listings WHERE id = :l")
        .param("l", listingId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Records that the listing passed the caps check: its amount counts for the borrower's others.
   */
  public void reserveCaps(UUID listingId) {
    jdbc.sql("UPDATE investment.listings SET caps_reserved = true WHERE id = :l")
        .param("l", listingId)
        .update();
  }

  // ---- investments

  /**
   * Inserts the rows of a batch (one statement); rows whose (investor, key) exists are skipped.
   *
   * @return the ids inserted
   */
  public List<UUID> insertInvestments(UUID listingId, List<InvestmentRow> rows, Instant now) {
    int n = rows.size();
    Object[][] columns = new Object[8][n];
    for (int i = 0; i < n; i++) {
      InvestmentRow r = rows.get(i);
      columns[0][i] = r.id();
      columns[1][i] = r.investorId();
      columns[2][i] = r.accountId();
      columns[3][i] = r.amountMinor();
      columns[4][i] = r.transferId();
      columns[5][i] = r.source();
      columns[6][i] = r.idempotencyKey();
      columns[7][i] = r.requestHash();
    }
    String[] types = {"uuid", "uuid", "uuid", "int8", "uuid", "varchar", "varchar", "varchar"};
    List<UUID> ids =
        template.query(
            con -> {
              PreparedStatement ps = con.prepareStatement(INSERT_INVESTMENTS);
              ps.setObject(1, listingId);
              ps.setTimestamp(2, Timestamp.from(now));
              for (int c = 0; c < 8; c++) {
                ps.setArray(c + 3, con.createArrayOf(types[c], columns[c]));
              }
              return ps;
            },
            (rs, i) -> rs.getObject(1, UUID.class));
    return ids;
  }

  public void deleteInvestments(List<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    template.update(
        con -> {
          PreparedStatement ps = con.prepareStatement(DELETE_INVESTMENTS);
          ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
          return ps;
        });
  }

  public Optional<InvestmentRow> investmentByKey(UUID investorId, String key) {
    return jdbc.sql(SELECT_INVESTMENT_BY_KEY)
        .param("u", investorId)
        .param("key", key)
        .query(INVESTMENT)
        .optional();
  }

  public List<InvestmentRow> investmentsOfListing(UUID listingId) {
    return jdbc.sql(SELECT_INVESTMENTS_OF_LISTING).param("l", listingId).query(INVESTMENT).list();
  }

  /** An investor's investments, newest first, each with its listing's title and status. */
  public List<InvestmentOfInvestorRow> investmentsOf(
      UUID investorId, @Nullable String status, int limit, long offset) {
    return jdbc.sql(SELECT_INVESTMENTS_OF_INVESTOR)
        .param("u", investorId)
        .param("status", status)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            (rs, n) ->
                new InvestmentOfInvestorRow(
                    INVESTMENT.mapRow(rs, n),
                    rs.getString("listing_title"),
                    rs.getString("listing_status")))
        .list();
  }

  public long countInvestmentsOf(UUID investorId, @Nullable String status) {
    return jdbc.sql(COUNT_INVESTMENTS_OF_INVESTOR)
        .param("u", investorId)
        .param("status", status)
        .query(Long.class)
        .single();
  }

  /** What the investor has frozen or lent in listings not yet settled or failed. */
  public long exposure(UUID investorId) {
    return exposures(List.of(investorId)).getOrDefault(investorId, 0L);
  }

  /** {@link #exposure} of several investors in one round trip. */
  public Map<UUID, Long> exposures(Collection<UUID> investorIds) {
    Map<UUID, Long> exposures = new HashMap<>();
    if (investorIds.isEmpty()) {
      return exposures;
    }
    template.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(EXPOSURES);
          ps.setArray(1, con.createArrayOf("uuid", investorIds.toArray()));
          return ps;
        },
        rs -> {
          exposures.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
    return exposures;
  }

  /** At most {@code limit} of the listing's investments in {@code status}, in id order. */
  public List<InvestmentRow> investmentsInStatus(UUID listingId, String status, int limit) {
    return jdbc.sql(
            "SELECT "
                + INVESTMENT_COLUMNS
                + " FROM investment.investments WHERE listing_id = :l AND status = :s"
                + " ORDER BY id LIMIT :n")
        .param("l", listingId)
        .param("s", status)
        .param("n", limit)
        .query(INVESTMENT)
        .list();
  }

  /** Moves these investments from {@code from} to {@code to}; the number moved. */
  public int setInvestmentStatus(java.util.Collection<UUID> ids, String from, String to) {
    return jdbc.sql(
            """
            UPDATE investment.investments SET status = :to
             WHERE id = ANY(:ids) AND status = :from
            """)
        .param("ids", ids.toArray(UUID[]::new))
        .param("from", from)
        .param("to", to)
        .update();
  }

  public void setInvestmentStatus(UUID listingId, String from, String to) {
    jdbc.sql(
            """
            UPDATE investment.investments SET status = :to
             WHERE listing_id = :l AND status = :from
            """)
        .param("l", listingId)
        .param("from", from)
        .param("to", to)
        .update();
  }

  // ---- holdings

  public void insertHoldings(List<HoldingRow> rows) {
    ColumnArrays.insert(
        template,
        """
        INSERT INTO investment.holdings (id, listing_id, loan_id, investor_id, account_id,
          principal_minor, created_at)
        SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[],
                             ?::timestamptz[])
        """,
        new String[] {"uuid", "uuid", "uuid", "uuid", "uuid", "int8", "timestamptz"},
        rows,
        5_000,
        (h, c, i, position) -> {
          c[0][i] = h.id();
          c[1][i] = h.listingId();
          c[2][i] = h.loanId();
          c[3][i] = h.investorId();
          c[4][i] = h.accountId();
          c[5][i] = h.principalMinor();
          c[6][i] = h.createdAt().toString();
        });
  }

  public List<HoldingRow> holdingsOf(UUID investorId, int limit, long offset) {
    return jdbc.sql(SELECT_HOLDINGS_OF_INVESTOR)
        .param("u", investorId)
        .param("limit", limit)
        .param("offset", offset)
        .query(HOLDING)
        .list();
  }

  public long countHoldingsOf(UUID investorId) {
    return jdbc.sql(COUNT_HOLDINGS_OF_INVESTOR).param("u", investorId).query(Long.class).single();
  }

  /** What the investor has frozen in listings (not yet funded or refunded), by listing grade. */
  public Map<String, Long> frozenByGrade(UUID investorId) {
    Map<String, Long> byGrade = new HashMap<>();
    jdbc.sql(
            """
            SELECT l.grade, sum(i.amount_minor) AS frozen
              FROM investment.investments i JOIN investment.listings l ON l.id = i.listing_id
             WHERE i.investor_id = :u AND i.status = 'FROZEN'
             GROUP BY l.grade
            """)
        .param("u", investorId)
        .query(
            rs -> {
              byGrade.put(rs.getString("grade"), rs.getLong("frozen"));
            });
    return byGrade;
  }

  public List<HoldingRow> holdingsOfListing(UUID listingId) {
    return jdbc.sql(SELECT_HOLDINGS_OF_LISTING).param("l", listingId).query(HOLDING).list();
  }

  // ---- mappers

  private static final RowMapper<ListingRow> LISTING = ListingStore::listingRow;

  private static ListingRow listingRow(ResultSet rs, int i) throws SQLException {
    long principal = rs.getLong("principal_minor");
    Long principalOrNull = rs.wasNull() ? null : principal;
    java.sql.Date valueDate = rs.getDate("value_date");
    return new ListingRow(
        rs.getObject("id", UUID.class),
        rs.getObject("application_id", UUID.class),
        rs.getObject("borrower_id", UUID.class),
        rs.getString("title"),
        rs.getString("product"),
        rs.getString("purpose"),
        rs.getString("grade"),
        rs.getInt("annual_rate_bps"),
        rs.getInt("term_months"),
        rs.getString("repayment_method"),
        rs.getLong("amount_minor"),
        rs.getLong("raised_minor"),
        rs.getLong("min_investment_minor"),
        rs.getLong("step_minor"),
        rs.getBoolean("partial_allowed"),
        rs.getTimestamp("opens_at").toInstant(),
        rs.getTimestamp("closes_at").toInstant(),
        ListingStatus.valueOf(rs.getString("status")),
        rs.getLong("upfront_fee_minor"),
        rs.getLong("monthly_fee_minor"),
        rs.getInt("investor_service_fee_bps"),
        rs.getObject("escrow_account_id", UUID.class),
        rs.getString("borrower_summary"),
        rs.getString("collateral_summary"),
        rs.getString("risk_summary"),
        rs.getString("risks"),
        rs.getObject("loan_id", UUID.class),
        principalOrNull,
        valueDate == null ? null : valueDate.toLocalDate(),
        rs.getTimestamp("created_at").toInstant());
  }

  private static final RowMapper<InvestmentRow> INVESTMENT =
      (rs, i) ->
          new InvestmentRow(
              rs.getObject("id", UUID.class),
              rs.getObject("listing_id", UUID.class),
              rs.getObject("investor_id", UUID.class),
              rs.getObject("account_id", UUID.class),
              rs.getLong("amount_minor"),
              rs.getString("status"),
              rs.getObject("transfer_id", UUID.class),
              rs.getString("source"),
              rs.getString("idempotency_key"),
              rs.getString("request_hash"),
              rs.getTimestamp("created_at").toInstant());

  private static final RowMapper<HoldingRow> HOLDING =
      (rs, i) ->
          new HoldingRow(
              rs.getObject("id", UUID.class),
              rs.getObject("listing_id", UUID.class),
              rs.getObject("loan_id", UUID.class),
              rs.getObject("investor_id", UUID.class),
              rs.getObject("account_id", UUID.class),
              rs.getLong("principal_minor"),
              rs.getString("listing_status"),
              rs.getString("grade"),
              rs.getString("title"),
              rs.getTimestamp("created_at").toInstant());
}
