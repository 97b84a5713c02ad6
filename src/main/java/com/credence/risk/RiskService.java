package com.credence.risk;

import com.credence.risk.domain.AllInCost;
import com.credence.risk.domain.ApplicationRules;
import com.credence.risk.domain.CollateralPledges;
import com.credence.risk.domain.GradeScale;
import com.credence.risk.domain.PricingPolicy;
import com.credence.risk.domain.RelatedParties;
import com.credence.risk.domain.ScorecardModel;
import com.credence.risk.persistence.ScorecardArtifacts;
import com.credence.shared.AnnualRate;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk module's facade: assesses applications (bureau, rules, scorecard, grade, price), checks
 * the legal cap on the all-in cost and the borrowing caps, keeps the collateral registry and the
 * related-party register.
 */
@Service
public class RiskService {

  private final CreditBureau bureau;
  private final CollateralPledges pledges;
  private final RelatedParties relatedParties;
  private final RiskProperties properties;
  private final Clock clock;
  private final ScorecardModel scorecard;
  private final GradeScale grades;
  private final PricingPolicy pricing;

  RiskService(
      CreditBureau bureau,
      CollateralPledges pledges,
      RelatedParties relatedParties,
      RiskProperties properties,
      Clock clock) {
    this.bureau = bureau;
    this.pledges = pledges;
    this.relatedParties = relatedParties;
    this.properties = properties;
    this.clock = clock;
    this.scorecard = ScorecardArtifacts.fromClasspath(properties.scorecard());
    RiskProperties.Grades g = properties.grades();
    this.grades = new GradeScale(g.maxPdA(), g.maxPdB(), g.maxPdC(), g.maxPdD());
    RiskProperties.Pricing p = properties.pricing();
    this.pricing =
        new PricingPolicy(
            Map.of(
                Grade.A, AnnualRate.ofBps(p.rateBpsA()),
                Grade.B, AnnualRate.ofBps(p.rateBpsB()),
                Grade.C, AnnualRate.ofBps(p.rateBpsC()),
                Grade.D, AnnualRate.ofBps(p.rateBpsD())),
            properties.lprBps(),
            properties.capMultiple());
  }

  /**
   * Assesses an application. Asks the bureau first: without its answer nothing is assessed.
   *
   * @throws BureauUnavailable when the bureau is down or slow
   */
  @Transactional(readOnly = true)
  public RiskReport assess(AssessApplication a) {
    BureauReport report = bureau.report(a.subjectId());
    Money instalment = estimatedInstalment(a);
    ScorecardModel.Score score = scorecard.score(ModelInputs.of(a, report, instalment));
    Grade grade = grades.gradeOf(score.probabilityOfDefault());
    List<RuleHit> hits = ApplicationRules.check(facts(a, report, instalment));
    if (grade == Grade.E) {
      hits =
          concat(
              hits,
              new RuleHit(
                  "GRADE_E", Decision.REJECT, "Probability of default above the lending cut-off"));
    }
    return new RiskReport(
        report,
        hits,
        score.points(),
        score.probabilityOfDefault(),
        score.reasons().stream()
            .map(r -> new RiskReport.ReasonCode(r.feature(), r.value(), r.pointsLost()))
            .toList(),
        grade,
        pricing.rateFor(grade).orElse(null),
        ApplicationRules.decide(hits),
        scorecard.version());
  }

  /** The annual rate offered for a grade; empty for E. */
  public Optional<AnnualRate> rateFor(Grade grade) {
    return pricing.rateFor(grade);
  }

  /**
   * The all-in annual cost in basis points (rate plus every fee, IRR of the borrower's flows).
   *
   * @throws ProblemException 422 {@code RATE_ABOVE_LEGAL_CAP} above {@code lpr-bps x cap-multiple}
   */
  public int checkAllInCost(
      Money principal,
      AnnualRate rate,
      int termMonths,
      RepaymentMethod method,
      Money upfrontFee,
      Money monthlyFee) {
    return pricing.checkAllInCost(
        new AllInCost.Terms(principal, rate, termMonths, method, upfrontFee, monthlyFee));
  }

  /** The LPR and the cap in force, for the contract to store. */
  public int legalCapBps() {
    return pricing.capBps();
  }

  /**
   * Checks the borrowing caps again, e.g. when a listing fills.
   *
   * @throws ProblemException 422 {@code BORROWING_CAP_EXCEEDED}
   * @throws BureauUnavailable when the bureau does not answer
   */
  public void checkBorrowingCaps(
      BorrowerType type, String subjectId, Money amount, Money outstandingOnPlatform) {
    Money other = bureau.report(subjectId).outstandingOtherPlatforms();
    long onPlatform = Math.addExact(outstandingOnPlatform.amountMinor(), amount.amountMinor());
    if (onPlatform > platformCap(type).amountMinor()
        || Math.addExact(onPlatform, other.amountMinor()) > allPlatformsCap(type).amountMinor()) {
      throw new ProblemException(
          422,
          "BORROWING_CAP_EXCEEDED",
          "The loan would take outstanding principal above the borrowing cap",
          "problem.borrowing-cap-exceeded");
    }
  }

  /**
   * Registers the vehicle as the loan's collateral.
   *
   * @throws ProblemException 422 {@code COLLATERAL_ALREADY_PLEDGED} when the bureau has a pledge on
   *     it or it backs another active loan here
   */
  @Transactional
  public void pledgeCollateral(Vin vin, UUID loanId, String ownerSubjectId) {
    if (bureau.report(ownerSubjectId).pledgedVins().contains(vin)
        || !pledges.tryPledge(Ids.newId(clock), vin, loanId, clock.instant())) {
      throw new ProblemException(
          422,
          "COLLATERAL_ALREADY_PLEDGED",
          "This vehicle is already pledged for another loan",
          "problem.collateral-already-pledged");
    }
  }

  /** Releases the loan's collateral when it is settled; returns how many pledges were released. */
  @Transactional
  public int releaseCollateral(UUID loanId) {
    return pledges.release(loanId, clock.instant());
  }

  /** Releases the collateral of all these loans (settled together); idempotent. */
  public int releaseCollateral(java.util.Collection<UUID> loanIds) {
    return loanIds.isEmpty() ? 0 : pledges.release(loanIds, clock.instant());
  }

  public boolean isPledged(Vin vin) {
    return pledges.isPledged(vin);
  }

  /** Adds a related party; returns false when already registered. */
  @Transactional
  public boolean addRelatedParty(String subjectId, String name, String relation) {
    return relatedParties.add(
        Ids.newId(clock), subjectHash(subjectId), name, relation, clock.instant());
  }

  public boolean isRelatedParty(String subjectId) {
    return relatedParties.contains(subjectHash(subjectId));
  }

  private ApplicationRules.Facts facts(AssessApplication a, BureauReport report, Money instalment) {
    Integer age = null;
    if (a.borrowerType() == BorrowerType.PERSON) {
      LocalDate birth = a.birthDate();
      if (birth == null) {
        throw new ProblemException(
            400,
            "VALIDATION_FAILED",
            "A person's date of birth is required",
            "problem.validation-failed");
      }
      age = Period.between(birth, BusinessCalendar.today(clock)).getYears();
    }
    BigDecimal dti = null;
    if (a.monthlyIncome().amountMinor() > 0) {
      dti =
          BigDecimal.valueOf(
                  Math.addExact(a.monthlyDebtPayments().amountMinor(), instalment.amountMinor()))
              .divide(BigDecimal.valueOf(a.monthlyIncome().amountMinor()), 4, RoundingMode.HALF_UP);
    }
    return new ApplicationRules.Facts(
        age,
        properties.minimumAge(),
        isRelatedParty(a.subjectId()),
        properties.refusedPurposes().contains(a.purpose()),
        a.amount(),
        a.outstandingOnPlatform(),
        report.outstandingOtherPlatforms(),
        platformCap(a.borrowerType()),
        allPlatformsCap(a.borrowerType()),
        dti,
        properties.maxDebtToIncome(),
        a.duplicates().any(),
        report.currentlyOverdue(),
        report.lawsuits());
  }

  /**
   * The new loan's first monthly payment as an equal instalment at the legal cap: the most the
   * borrower could be asked to pay, so affordability never depends on the grade.
   */
  private Money estimatedInstalment(AssessApplication a) {
    List<BigDecimal> flows =
        AllInCost.cashFlows(
            new AllInCost.Terms(
                a.amount(),
                AnnualRate.ofBps(pricing.capBps()),
                a.termMonths(),
                RepaymentMethod.EQUAL_INSTALLMENT,
                Money.cny(0),
                Money.cny(0)));
    return Money.cny(flows.get(1).negate().longValueExact());
  }

  private Money platformCap(BorrowerType type) {
    RiskProperties.Caps caps = properties.caps();
    return Money.yuan(
        type == BorrowerType.PERSON ? caps.personPlatformYuan() : caps.companyPlatformYuan());
  }

  private Money allPlatformsCap(BorrowerType type) {
    RiskProperties.Caps caps = properties.caps();
    return Money.yuan(
        type == BorrowerType.PERSON
            ? caps.personAllPlatformsYuan()
            : caps.companyAllPlatformsYuan());
  }

  private static List<RuleHit> concat(List<RuleHit> hits, RuleHit extra) {
    List<RuleHit> all = new ArrayList<>(hits);
    all.add(extra);
    return all;
  }

  static String subjectHash(String subjectId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(subjectId.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
