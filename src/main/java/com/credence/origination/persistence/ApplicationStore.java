package com.credence.origination.persistence;

import com.credence.origination.domain.ApplicationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications, their history, review decisions and documents (schema {@code origination}). */
@Repository
public class ApplicationStore {

  private static final String COLUMNS =
      """
      id, borrower_id, product, borrower_type, status, amount_minor, term_months,
      repayment_method, purpose, monthly_income_minor, monthly_debt_minor, savings_minor,
      employment_months, checking_account, housing, job, property, other_party, address_hash,
      device_hash, vin, plate_masked, certificate_masked, estimated_value_minor,
      collateral_pledged, credit_code, annual_revenue_minor, legal_rep_masked, risk_report,
      decision, grade, score, refusal_codes, maker_id, maker_rate_bps, approved_rate_bps,
      listing_id, screening_attempts, next_screening_at, created_at, updated_at
      """;

  private static final String INSERT =
      """
      insert into origination.applications (
        id, borrower_id, product, borrower_type, status, amount_minor, term_months,
        repayment_method, purpose, monthly_income_minor, monthly_debt_minor, savings_minor,
        employment_months, checking_account, housing, job, property, other_party, address_hash,
        device_hash, vin, plate_masked, certificate_masked, estimated_value_minor,
        collateral_pledged, credit_code, annual_revenue_minor, legal_rep_masked,
        screening_attempts, next_screening_at, created_at, updated_at)
      values (
        :id, :borrowerId, :product, :borrowerType, :status, :amountMinor, :termMonths,
        :repaymentMethod, :purpose, :monthlyIncomeMinor, :monthlyDebtMinor, :savingsMinor,
        :employmentMonths, :checkingAccount, :housing, :job, :property, :otherParty, :addressHash,
        :deviceHash, :vin, :plateMasked, :certificateMasked, :estimatedValueMinor,
        :collateralPledged, :creditCode, :annualRevenueMinor, :legalRepMasked,
        0, :nextScreeningAt, :createdAt, :createdAt)
      """;

  private static final String FIND =
      "select " + COLUMNS + " from origination.applications where id = :id";

  private static final String FIND_FOR_UPDATE =
      "select " + COLUMNS + " from origination.applications where id = :id for update";

  private static final String BY_BORROWER =
      "select "
          + COLUMNS
          + """
           from origination.applications where borrower_id = :borrowerId
          order by created_at desc, id desc limit :limit offset :offset
          """;

  private static final String COUNT_BY_BORROWER =
      "select count(*) from origination.applications where borrower_id = :borrowerId";

  private static final String BY_STATUS =
      "select "
          + COLUMNS
          + """
           from origination.applications where status = :status
          order by created_at, id limit :limit offset :offset
          """;

  private static final String COUNT_BY_STATUS =
      "select count(*) from origination.applications where status = :status";

  private static final String CLAIM =
      """
      update origination.applications a
         set status = 'SCREENING', screening_attempts = a.screening_attempts + 1,
             next_screening_at = :leaseUntil, updated_at = :now
        from (select id, status from origination.applications where id = :id for update) old
       where a.id = old.id and old.status in ('SUBMITTED', 'SCREENING')
      returning old.status
      """;

  private static final String CLAIM_DUE =
      """
      update origination.applications
         set next_screening_at = :leaseUntil
       where id in (select id from origination.applications
                     where status in ('SUBMITTED', 'SCREENING') and next_screening_at <= :now
                     order by next_screening_at limit :batch
                     for update skip locked)
      returning id
      """;

  private static final String MARK_PLEDGED =
      """
      update origination.applications set collateral_pledged = true, updated_at = :now
       where id = :id and status = 'SCREENING'
      """;

  private static final String POSTPONE =
      """
      update origination.applications set next_screening_at = :next, updated_at = :now
       where id = :id and status = 'SCREENING'
      """;

  private static final String SCREENED =
      """
      update origination.applications
         set status = :status, risk_report = :report, decision = :decision, grade = :grade,
             score = :score, refusal_codes = :refusalCodes, next_screening_at = null,
             updated_at = :now
       where id = :id and status = 'SCREENING'
      """;

  private static final String REFUSE_SCREENING =
      """
      update origination.applications
         set status = 'REJECTED', refusal_codes = :refusalCodes, next_screening_at = null,
             updated_at = :now
       where id = :id and status in ('SUBMITTED', 'SCREENING')
      """;

  private static final String SET_MAKER =
      """
      update origination.applications set maker_id = :maker, maker_rate_bps = :rateBps,
             updated_at = :now
       where id = :id and status = 'IN_REVIEW' and maker_id is null
      """;

  private static final String APPROVE =
      """
      update origination.applications set status = 'APPROVED', approved_rate_bps = :rateBps,
             updated_at = :now
       where id = :id and status = 'IN_REVIEW'
      """;

  private static final String REVIEW_REJECT =
      """
      update origination.applications set status = 'REJECTED', refusal_codes = :refusalCodes,
             updated_at = :now
       where id = :id and status = 'IN_REVIEW'
      """;

  private static final String CANCEL =
      """
      update origination.applications set status = 'CANCELLED', next_screening_at = null,
             updated_at = :now
       where id = :id and borrower_id = :borrowerId
         and status in ('SUBMITTED', 'SCREENING', 'IN_REVIEW')
      """;

  private static final String MARK_LISTED =
      """
      update origination.applications set status = 'LISTED', listing_id = :listingId,
             updated_at = :now
       where id = :id and status = 'APPROVED'
      """;

  private static final String OUTSTANDING =
      """
      select coalesce(sum(amount_minor), 0) from origination.applications
       where borrower_id = :borrowerId and id <> :id and status in ('APPROVED', 'LISTED')
      """;

  private static final String SAME_ADDRESS =
      """
      select count(distinct borrower_id) from origination.applications
       where address_hash = :hash and borrower_id <> :borrowerId
      """;

  private static final String SAME_DEVICE =
      """
      select count(distinct borrower_id) from origination.applications
       where device_hash = :hash and borrower_id <> :borrowerId
      """;

  private static final String INSERT_HISTORY =
      """
      insert into origination.application_history (id, application_id, status, note, actor_id, at)
      values (:id, :applicationId, :status, :note, :actor, :at)
      """;

  private static final String HISTORY =
      """
      select status, note, at from origination.application_history
       where application_id = :applicationId order by at, id
      """;

  private static final String INSERT_DECISION =
      """
      insert into origination.review_decisions
        (id, application_id, officer_id, decision, comment, annual_rate_bps, at)
      values (:id, :applicationId, :officer, :decision, :comment, :rateBps, :at)
      """;

  private static final String DECISIONS =
      """
      select officer_id, decision, comment, annual_rate_bps, at from origination.review_decisions
       where application_id = :applicationId order by at, id
      """;

  private final JdbcClient jdbc;

  ApplicationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApplicationRow a) {
    jdbc.sql(INSERT)
        .param("id", a.id())
        .param("borrowerId", a.borrowerId())
        .param("product", a.product())
        .param("borrowerType", a.borrowerType())
        .param("status", a.status().name())
        .param("amountMinor", a.amountMinor())
        .param("termMonths", a.termMonths())
        .param("repaymentMethod", a.repaymentMethod())
        .param("purpose", a.purpose())
        .param("monthlyIncomeMinor", a.monthlyIncomeMinor())
        .param("monthlyDebtMinor", a.monthlyDebtMinor())
        .param("savingsMinor", a.savingsMinor())
        .param("employmentMonths", a.employmentMonths())
        .param("checkingAccount", a.checkingAccount())
        .param("housing", a.housing())
        .param("job", a.job())
        .param("property", a.property())
        .param("otherParty", a.otherParty())
        .param("addressHash", a.addressHash())
        .param("deviceHash", a.deviceHash())
        .param("vin", a.vin())
        .param("plateMasked", a.plateMasked())
        .param("certificateMasked", a.certificateMasked())
        .param("estimatedValueMinor", a.estimatedValueMinor())
        .param("collateralPledged", a.collateralPledged())
        .param("creditCode", a.creditCode())
        .param("annualRevenueMinor", a.annualRevenueMinor())
        .param("legalRepMasked", a.legalRepMasked())
        .param("nextScreeningAt", ts(a.nextScreeningAt()))
        .param("createdAt", ts(a.createdAt()))
        .update();
  }

  public Optional<ApplicationRow> find(UUID id) {
    return jdbc.sql(FIND).param("id", id).query(ApplicationStore::row).optional();
  }

  public Optional<ApplicationRow> findForUpdate(UUID id) {
    return jdbc.sql(FIND_FOR_UPDATE).param("id", id).query(ApplicationStore::row).optional();
  }

  public List<ApplicationRow> byBorrower(UUID borrowerId, int limit, long offset) {
    return jdbc.sql(BY_BORROWER)
        .param("borrowerId", borrowerId)
        .param("limit", limit)
        .param("offset", offset)
        .query(ApplicationStore::row)
        .list();
  }

  public long countByBorrower(UUID borrowerId) {
    return jdbc.sql(COUNT_BY_BORROWER).param("borrowerId", borrowerId).query(Long.class).single();
  }

  public List<ApplicationRow> byStatus(ApplicationStatus status, int limit, long offset) {
    return jdbc.sql(BY_STATUS)
        .param("status", status.name())
        .param("limit", limit)
        .param("offset", offset)
        .query(ApplicationStore::row)
        .list();
  }

  public long countByStatus(ApplicationStatus status) {
    return jdbc.sql(COUNT_BY_STATUS).param("status", status.name()).query(Long.class).single();
  }

  /**
   * Claims an application for one screening attempt (status SCREENING, attempts + 1, lease until
   * {@code leaseUntil}); returns the status it had, or empty when it is no longer screenable.
   */
  public Optional<ApplicationStatus> claimForScreening(UUID id, Instant now, Instant leaseUntil) {
    return jdbc.sql(CLAIM)
        .param("id", id)
        .param("now", ts(now))
        .param("leaseUntil", ts(leaseUntil))
        .query((rs, n) -> ApplicationStatus.valueOf(rs.getString(1)))
        .optional();
  }

  /**
   * Claims up to {@code batch} applications whose next screening attempt is due, skipping rows
   * another node holds, and moves their next attempt to {@code leaseUntil} so no other node takes
   * them meanwhile.
   */
  public List<UUID> claimDue(Instant now, Instant leaseUntil, int batch) {
    return jdbc.sql(CLAIM_DUE)
        .param("now", ts(now))
        .param("leaseUntil", ts(leaseUntil))
        .param("batch", batch)
        .query(UUID.class)
        .list();
  }

  public int markPledged(UUID id, Instant now) {
    return jdbc.sql(MARK_PLEDGED).param("id", id).param("now", ts(now)).update();
  }

  public int postpone(UUID id, Instant next, Instant now) {
    return jdbc.sql(POSTPONE)
        .param("id", id)
        .param("next", ts(next))
        .param("now", ts(now))
        .update();
  }

  /** Stores the screening's report and moves SCREENING to {@code status}; 0 when cancelled. */
  public int screened(
      UUID id,
      ApplicationStatus status,
      String report,
      String decision,
      String grade,
      int score,
      @Nullable String refusalCodes,
      Instant now) {
    return jdbc.sql(SCREENED)
        .param("id", id)
        .param("status", status.name())
        .param("report", report)
        .param("decision", decision)
        .param("grade", grade)
        .param("score", score)
        .param("refusalCodes", refusalCodes)
        .param("now", ts(now))
        .update();
  }

  public int refuseScreening(UUID id, String refusalCodes, Instant now) {
    return jdbc.sql(REFUSE_SCREENING)
        .param("id", id)
        .param("refusalCodes", refusalCodes)
        .param("now", ts(now))
        .update();
  }

  public int setMaker(UUID id, UUID maker, int rateBps, Instant now) {
    return jdbc.sql(SET_MAKER)
        .param("id", id)
        .param("maker", maker)
        .param("rateBps", rateBps)
        .param("now", ts(now))
        .update();
  }

  public int approve(UUID id, int rateBps, Instant now) {
    return jdbc.sql(APPROVE)
        .param("id", id)
        .param("rateBps", rateBps)
        .param("now", ts(now))
        .update();
  }

  public int reviewReject(UUID id, String refusalCodes, Instant now) {
    return jdbc.sql(REVIEW_REJECT)
        .param("id", id)
        .param("refusalCodes", refusalCodes)
        .param("now", ts(now))
        .update();
  }

  public int cancel(UUID id, UUID borrowerId, Instant now) {
    return jdbc.sql(CANCEL)
        .param("id", id)
        .param("borrowerId", borrowerId)
        .param("now", ts(now))
        .update();
  }

  public int markListed(UUID id, UUID listingId, Instant now) {
    return jdbc.sql(MARK_LISTED)
        .param("id", id)
        .param("listingId", listingId)
        .param("now", ts(now))
        .update();
  }

  /** The principal of the borrower's other approved or listed loans here. */
  public long outstandingOf(UUID borrowerId, UUID excluding) {
    return jdbc.sql(OUTSTANDING)
        .param("borrowerId", borrowerId)
        .param("id", excluding)
        .query(Long.class)
        .single();
  }

  public int otherBorrowersWithAddress(String hash, UUID borrowerId) {
    return jdbc.sql(SAME_ADDRESS)
        .param("hash", hash)
        .param("borrowerId", borrowerId)
        .query(Integer.class)
        .single();
  }

  public int otherBorrowersWithDevice(String hash, UUID borrowerId) {
    return jdbc.sql(SAME_DEVICE)
        .param("hash", hash)
        .param("borrowerId", borrowerId)
        .query(Integer.class)
        .single();
  }

  public void addHistory(
      UUID id,
      UUID applicationId,
      ApplicationStatus status,
      @Nullable String note,
      @Nullable UUID actor,
      Instant at) {
    jdbc.sql(INSERT_HISTORY)
        .param("id", id)
        .param("applicationId", applicationId)
        .param("status", status.name())
        .param("note", note)
        .param("actor", actor)
        .param("at", ts(at))
        .update();
  }

  /** The timeline: status, note, time. */
  public record HistoryRow(ApplicationStatus status, @Nullable String note, Instant at) {}

  public List<HistoryRow> history(UUID applicationId) {
    return jdbc.sql(HISTORY)
        .param("applicationId", applicationId)
        .query(
            (rs, n) ->
                new HistoryRow(
                    ApplicationStatus.valueOf(rs.getString("status")),
                    rs.getString("note"),
                    instant(rs, "at")))
        .list();
  }

  public void addDecision(
      UUID id,
      UUID applicationId,
      UUID officer,
      String decision,
      String comment,
      @Nullable Integer rateBps,
      Instant at) {
    jdbc.sql(INSERT_DECISION)
        .param("id", id)
        .param("applicationId", applicationId)
        .param("officer", officer)
        .param("decision", decision)
        .param("comment", comment)
        .param("rateBps", rateBps)
        .param("at", ts(at))
        .update();
  }

  /** A review decision row. */
  public record DecisionRow(
      UUID officerId, String decision, String comment, @Nullable Integer rateBps, Instant at) {}

  public List<DecisionRow> decisions(UUID applicationId) {
    return jdbc.sql(DECISIONS)
        .param("applicationId", applicationId)
        .query(
            (rs, n) ->
                new DecisionRow(
                    rs.getObject("officer_id", UUID.class),
                    rs.getString("decision"),
                    rs.getString("comment"),
                    (Integer) rs.getObject("annual_rate_bps"),
                    instant(rs, "at")))
        .list();
  }

  static @Nullable Timestamp ts(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static ApplicationRow row(ResultSet rs, int n) throws SQLException {
    return new ApplicationRow(
        rs.getObject("id", UUID.class),
        rs.getObject("borrower_id", UUID.class),
        rs.getString("product"),
        rs.getString("borrower_type"),
        ApplicationStatus.valueOf(rs.getString("status")),
        rs.getLong("amount_minor"),
        rs.getInt("term_months"),
        rs.getString("repayment_method"),
        rs.getString("purpose"),
        rs.getLong("monthly_income_minor"),
        rs.getLong("monthly_debt_minor"),
        nullableLong(rs, "savings_minor"),
        nullableInt(rs, "employment_months"),
        rs.getString("checking_account"),
        rs.getString("housing"),
        rs.getString("job"),
        rs.getString("property"),
        rs.getString("other_party"),
        rs.getString("address_hash"),
        rs.getString("device_hash"),
        rs.getString("vin"),
        rs.getString("plate_masked"),
        rs.getString("certificate_masked"),
        nullableLong(rs, "estimated_value_minor"),
        rs.getBoolean("collateral_pledged"),
        rs.getString("credit_code"),
        nullableLong(rs, "annual_revenue_minor"),
        rs.getString("legal_rep_masked"),
        rs.getString("risk_report"),
        rs.getString("decision"),
        rs.getString("grade"),
        nullableInt(rs, "score"),
        rs.getString("refusal_codes"),
        rs.getObject("maker_id", UUID.class),
        nullableInt(rs, "maker_rate_bps"),
        nullableInt(rs, "approved_rate_bps"),
        rs.getObject("listing_id", UUID.class),
        rs.getInt("screening_attempts"),
        nullableInstant(rs, "next_screening_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
