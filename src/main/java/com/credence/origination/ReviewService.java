package com.credence.origination;

import com.credence.identity.IdentityService;
import com.credence.identity.PersonalIdentity;
import com.credence.origination.domain.ApplicationStatus;
import com.credence.origination.domain.FieldError;
import com.credence.origination.domain.IdNumbers;
import com.credence.origination.domain.LoanProduct;
import com.credence.origination.domain.Masks;
import com.credence.origination.persistence.ApplicationRow;
import com.credence.origination.persistence.ApplicationStore;
import com.credence.origination.persistence.ProductStore;
import com.credence.risk.Grade;
import com.credence.risk.LoanPurpose;
import com.credence.risk.RiskService;
import com.credence.shared.AnnualRate;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The risk officers' decisions (maker-checker): the first APPROVE records the maker and the
 * proposed rate, a second APPROVE by a different officer approves and publishes {@link
 * LoanApproved} in the same transaction; a REJECT by either ends the application. Every decision
 * and comment is kept in {@code origination.review_decisions}.
 */
@Service
public class ReviewService {

  private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

  /** What an officer decides. */
  public enum Verdict {
    APPROVE,
    REJECT
  }

  /** The outcome of one decision: the application's status and whether a second is awaited. */
  public record Outcome(UUID applicationId, ApplicationStatus status, boolean awaitingSecond) {}

  private final ApplicationStore applications;
  private final ProductStore products;
  private final RiskService risk;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Clock clock;

  ReviewService(
      ApplicationStore applications,
      ProductStore products,
      RiskService risk,
      IdentityService identity,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      JsonMapper json,
      Clock clock) {
    this.applications = applications;
    this.products = products;
    this.risk = risk;
    this.identity = identity;
    this.events = events;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Records a risk officer's decision.
   *
   * @param annualRateText the rate to lend at, e.g. {@code "0.0950"}; blank means the grade's
   *     offered rate (first approval) or the maker's rate (second)
   * @throws ProblemException 404, 409 {@code APPLICATION_NOT_IN_REVIEW}, 409 {@code
   *     SAME_OFFICER_CANNOT_APPROVE_TWICE}, 409 {@code APPROVAL_RATE_MISMATCH}, 422 {@code
   *     RATE_ABOVE_LEGAL_CAP}, 400 {@code VALIDATION_FAILED}
   */
  public Outcome decide(
      UUID officerId,
      UUID applicationId,
      String decisionText,
      @Nullable String comment,
      @Nullable String annualRateText) {
    FormParser p = new FormParser();
    Verdict verdict = p.choice("decision", decisionText, Verdict.class, true);
    String text = p.required("comment", comment, 2000);
    AnnualRate requested = null;
    if (!FormParser.blank(annualRateText)) {
      try {
        requested = AnnualRate.parse(annualRateText.strip());
      } catch (ProblemException | IllegalArgumentException | ArithmeticException e) {
        p.add("annualRate", "origination.error.rate", "The rate is a fraction such as 0.0950");
      }
    }
    if (!p.errors().isEmpty()) {
      throw new ApplicationInvalid(p.errors());
    }
    AnnualRate rate = requested;
    Outcome outcome =
        tx.execute(
            s -> {
              ApplicationRow row =
                  applications
                      .findForUpdate(applicationId)
                      .orElseThrow(() -> ProblemException.notFound("Application"));
              if (row.status() != ApplicationStatus.IN_REVIEW) {
                throw new ProblemException(
                    409,
                    "APPLICATION_NOT_IN_REVIEW",
                    "The application is " + row.status() + ", not in review",
                    "origination.problem.not-in-review");
              }
              return verdict == Verdict.REJECT
                  ? reject(officerId, row, text)
                  : approve(officerId, row, text, rate);
            });
    return outcome;
  }

  private Outcome reject(UUID officer, ApplicationRow row, String comment) {
    Instant now = clock.instant();
    applications.addDecision(Ids.newId(clock), row.id(), officer, "REJECT", comment, null, now);
    applications.reviewReject(row.id(), "REVIEW_REJECTED", now);
    applications.addHistory(
        Ids.newId(clock), row.id(), ApplicationStatus.REJECTED, "REVIEW_REJECTED", officer, now);
    risk.releaseCollateral(row.id());
    log.info("Application {} rejected by officer {}", row.id(), officer);
    return new Outcome(row.id(), ApplicationStatus.REJECTED, false);
  }

  private Outcome approve(
      UUID officer, ApplicationRow row, String comment, @Nullable AnnualRate requested) {
    Instant now = clock.instant();
    if (officer.equals(row.makerId())) {
      throw new ProblemException(
          409,
          "SAME_OFFICER_CANNOT_APPROVE_TWICE",
          "You approved this application already; a second, different risk officer must approve",
          "origination.problem.same-officer");
    }
    LoanProduct product = products.find(row.product()).orElseThrow();
    AnnualRate rate = rateFor(row, requested);
    Money amount = Money.cny(row.amountMinor());
    RepaymentMethod method = RepaymentMethod.valueOf(row.repaymentMethod());
    risk.checkAllInCost(
        amount,
        rate,
        row.termMonths(),
        method,
        product.upfrontFee(amount),
        product.monthlyFee(amount));
    applications.addDecision(
        Ids.newId(clock), row.id(), officer, "APPROVE", comment, rate.bps(), now);
    if (row.makerId() == null) {
      applications.setMaker(row.id(), officer, rate.bps(), now);
      applications.addHistory(
          Ids.newId(clock), row.id(), ApplicationStatus.IN_REVIEW, "FIRST_APPROVAL", officer, now);
      log.info("Application {}: first approval by officer {}", row.id(), officer);
      return new Outcome(row.id(), ApplicationStatus.IN_REVIEW, true);
    }
    applications.approve(row.id(), rate.bps(), now);
    applications.addHistory(
        Ids.newId(clock), row.id(), ApplicationStatus.APPROVED, null, officer, now);
    events.publishEvent(approved(row, product, rate));
    log.info("Application {} approved by officers {} and {}", row.id(), row.makerId(), officer);
    return new Outcome(row.id(), ApplicationStatus.APPROVED, false);
  }

  private AnnualRate rateFor(ApplicationRow row, @Nullable AnnualRate requested) {
    if (row.makerRateBps() != null) {
      AnnualRate maker = AnnualRate.ofBps(row.makerRateBps());
      if (requested != null && !requested.equals(maker)) {
        throw new ProblemException(
            409,
            "APPROVAL_RATE_MISMATCH",
            "The second approval must confirm the first officer's rate " + maker.toApiString(),
            "origination.problem.rate-mismatch");
      }
      return maker;
    }
    if (requested != null) {
      return requested;
    }
    StoredRiskReport report = report(row);
    if (report == null || report.offeredRate() == null) {
      throw new ApplicationInvalid(
          List.of(
              new FieldError(
                  "annualRate",
                  "origination.error.rate-required",
                  "No offered rate for this grade: give the annual rate")));
    }
    return AnnualRate.parse(report.offeredRate());
  }

  private @Nullable StoredRiskReport report(ApplicationRow row) {
    return row.riskReport() == null
        ? null
        : json.readValue(row.riskReport(), StoredRiskReport.class);
  }

  private LoanApproved approved(ApplicationRow row, LoanProduct product, AnnualRate rate) {
    Money amount = Money.cny(row.amountMinor());
    StoredRiskReport report = report(row);
    Grade grade = Grade.valueOf(row.grade() == null ? "D" : row.grade());
    return new LoanApproved(
        row.id(),
        row.borrowerId(),
        ProductType.valueOf(row.product()),
        LoanPurpose.valueOf(row.purpose()),
        amount,
        rate,
        row.termMonths(),
        RepaymentMethod.valueOf(row.repaymentMethod()),
        grade,
        product.minInvestment(),
        product.investmentStep(),
        product.fundingPeriodDays(),
        product.partialFundingAllowed(),
        null,
        product.upfrontFee(amount),
        product.monthlyFee(amount),
        product.investorServiceFeeBps(),
        new LoanApproved.Disclosure(
            borrowerSummary(row),
            row.vin() == null
                ? null
                : "车辆 · VIN "
                    + Masks.vin(row.vin())
                    + " · 估值 "
                    + Money.cny(row.estimatedValueMinor()).toDisplayString(),
            riskSummary(grade, report),
            risks(row)));
  }

  private String borrowerSummary(ApplicationRow row) {
    String income = Money.cny(row.monthlyIncomeMinor()).toDisplayString();
    if (row.creditCode() != null) {
      return "企业 · 统一社会信用代码 "
          + Masks.keep(row.creditCode(), 4, 2)
          + " · 年营业收入 "
          + Money.cny(row.annualRevenueMinor() == null ? 0 : row.annualRevenueMinor())
              .toDisplayString();
    }
    LocalDate today = BusinessCalendar.today(clock);
    String age =
        identity
            .personalIdentity(row.borrowerId())
            .map(PersonalIdentity::idNumber)
            .flatMap(IdNumbers::birthDate)
            .map(b -> Period.between(b, today).getYears() + "岁")
            .orElse("年龄未知");
    return "个人 · " + age + " · 月收入 " + income;
  }

  private static String riskSummary(Grade grade, @Nullable StoredRiskReport report) {
    if (report == null) {
      return "等级 " + grade;
    }
    return "等级 "
        + grade
        + " · 评分 "
        + report.score()
        + " · 主要扣分项："
        + report.reasons().stream()
            .map(StoredRiskReport.Reason::feature)
            .collect(Collectors.joining("、"))
        + " · 征信：逾期记录 "
        + report.bureau().overdueRecords()
        + " 次，其他平台借款 "
        + report.bureau().otherPlatformLoans()
        + " 笔";
  }

  private static String risks(ApplicationRow row) {
    String base = "借款人可能逾期或无法偿还本息；出借人自担风险，平台不保本保息。";
    return row.vin() == null ? base + "本借款无抵押。" : base + "抵押车辆的价值可能下降，处置需要时间且可能不足以覆盖欠款。";
  }
}
