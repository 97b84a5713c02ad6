package com.credence.origination.persistence;

import com.credence.origination.domain.LoanProduct;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loan products and the audit of their changes. */
@Repository
public class ProductStore {

  private static final String COLUMNS =
      """
      product, min_amount_minor, max_amount_minor, terms_months, repayment_methods,
      upfront_fee_bps, monthly_fee_bps, investor_service_fee_bps, funding_period_days,
      partial_funding_allowed, min_investment_minor, investment_step_minor, enabled
      """;

  private static final String ALL =
      "select "
          + COLUMNS
          + " from origination.loan_products order by case product"
          + " when 'CREDIT' then 1 when 'CAR' then 2 else 3 end";

  private static final String ONE =
      "select " + COLUMNS + " from origination.loan_products where product = :product";

  private static final String UPDATE =
      """
      update origination.loan_products set min_amount_minor = :min, max_amount_minor = :max,
        terms_months = :terms, repayment_methods = :methods, upfront_fee_bps = :upfront,
        monthly_fee_bps = :monthly, investor_service_fee_bps = :serviceFee,
        funding_period_days = :fundingDays, partial_funding_allowed = :partial,
        min_investment_minor = :minInvestment, investment_step_minor = :step, enabled = :enabled,
        updated_at = :at, updated_by = :by
      where product = :product
      """;

  private static final String AUDIT =
      """
      insert into origination.loan_product_changes (id, product, changed_by, changed_at, before, after)
      values (:id, :product, :by, :at, :before, :after)
      """;

  private static final String CHANGES =
      """
      select product, changed_by, changed_at, before, after from origination.loan_product_changes
       order by changed_at desc, id desc limit :limit
      """;

  private final JdbcClient jdbc;

  ProductStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<LoanProduct> all() {
    return jdbc.sql(ALL).query(ProductStore::row).list();
  }

  public Optional<LoanProduct> find(String product) {
    return jdbc.sql(ONE).param("product", product).query(ProductStore::row).optional();
  }

  public void update(LoanProduct p, UUID by, Instant at) {
    jdbc.sql(UPDATE)
        .param("product", p.type())
        .param("min", p.minAmount().amountMinor())
        .param("max", p.maxAmount().amountMinor())
        .param(
            "terms", p.termsMonths().stream().map(String::valueOf).collect(Collectors.joining(",")))
        .param(
            "methods",
            p.repaymentMethods().stream().map(Enum::name).collect(Collectors.joining(",")))
        .param("upfront", p.upfrontFeeBps())
        .param("monthly", p.monthlyFeeBps())
        .param("serviceFee", p.investorServiceFeeBps())
        .param("fundingDays", p.fundingPeriodDays())
        .param("partial", p.partialFundingAllowed())
        .param("minInvestment", p.minInvestment().amountMinor())
        .param("step", p.investmentStep().amountMinor())
        .param("enabled", p.enabled())
        .param("at", ApplicationStore.ts(at))
        .param("by", by)
        .update();
  }

  public void audit(UUID id, String product, UUID by, Instant at, String before, String after) {
    jdbc.sql(AUDIT)
        .param("id", id)
        .param("product", product)
        .param("by", by)
        .param("at", ApplicationStore.ts(at))
        .param("before", before)
        .param("after", after)
        .update();
  }

  /** One audited change of a product. */
  public record Change(String product, UUID changedBy, Instant at, String before, String after) {}

  public List<Change> changes(int limit) {
    return jdbc.sql(CHANGES)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Change(
                    rs.getString("product"),
                    rs.getObject("changed_by", UUID.class),
                    ApplicationStore.instant(rs, "changed_at"),
                    rs.getString("before"),
                    rs.getString("after")))
        .list();
  }

  private static LoanProduct row(ResultSet rs, int n) throws SQLException {
    return new LoanProduct(
        rs.getString("product"),
        Money.cny(rs.getLong("min_amount_minor")),
        Money.cny(rs.getLong("max_amount_minor")),
        Arrays.stream(rs.getString("terms_months").split(",")).map(Integer::valueOf).toList(),
        Arrays.stream(rs.getString("repayment_methods").split(","))
            .map(RepaymentMethod::valueOf)
            .toList(),
        rs.getInt("upfront_fee_bps"),
        rs.getInt("monthly_fee_bps"),
        rs.getInt("investor_service_fee_bps"),
        rs.getInt("funding_period_days"),
        rs.getBoolean("partial_funding_allowed"),
        Money.cny(rs.getLong("min_investment_minor")),
        Money.cny(rs.getLong("investment_step_minor")),
        rs.getBoolean("enabled"));
  }
}
