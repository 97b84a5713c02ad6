package com.credence.identity;

import com.credence.identity.domain.Questionnaire;
import com.credence.identity.domain.RiskAssessments;
import com.credence.identity.domain.Users;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The risk questionnaire and the suitability rules that follow from its level. */
@Component
class RiskProfileService {

  private static final Logger log = LoggerFactory.getLogger(RiskProfileService.class);

  private final RiskAssessments assessments;
  private final Users users;
  private final IdentityProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  RiskProfileService(
      RiskAssessments assessments,
      Users users,
      IdentityProperties properties,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.assessments = assessments;
    this.users = users;
    this.properties = properties;
    this.clock = clock;
  }

  List<QuestionView> questions(Locale locale) {
    return Questionnaire.QUESTIONS.stream()
        .map(
            q ->
                new QuestionView(
                    q.id(),
                    q.text(locale),
                    q.options().stream()
                        .map(o -> new QuestionView.OptionView(o.value(), o.text(locale)))
                        .toList()))
        .toList();
  }

  RiskAssessmentResult submit(UUID userId, List<Integer> answers) {
    users.findById(userId).orElseThrow(() -> ProblemException.notFound("User"));
    Questionnaire.Result result;
    try {
      result = Questionnaire.score(answers);
    } catch (Questionnaire.InvalidAnswersException e) {
      throw IdentityProblems.of(400, "RISK_ANSWERS_INVALID", e.getMessage());
    }
    LocalDate today = BusinessCalendar.today(clock);
    LocalDate validUntil = today.plus(properties.riskAssessment().validity()).minusDays(1);
    assessments.insert(
        Ids.newId(clock),
        userId,
        new RiskAssessments.Assessment(result.level(), result.score(), clock.instant(), validUntil),
        answers);
    events.publishEvent(new RiskAssessed(userId));
    log.info(
        "User {} assessed as {} (score {}) until {}",
        userId,
        result.level(),
        result.score(),
        validUntil);
    return new RiskAssessmentResult(result.level(), result.score(), validUntil);
  }

  /** The newest assessment if it is still valid today. */
  Optional<RiskAssessments.Assessment> current(UUID userId) {
    LocalDate today = BusinessCalendar.today(clock);
    return assessments.latest(userId).filter(a -> !today.isAfter(a.validUntil()));
  }

  /** One database round trip: suitability sits on the invest path. */
  Suitability check(UUID userId, String grade, Money amountAfter) {
    Optional<RiskAssessments.SuitabilityFacts> facts = assessments.suitabilityFacts(userId);
    return check(
        facts.map(RiskAssessments.SuitabilityFacts::kycStatus).orElse(KycStatus.NONE),
        facts.flatMap(RiskAssessments.SuitabilityFacts::latest),
        grade,
        amountAfter);
  }

  Suitability check(
      KycStatus kycStatus,
      Optional<RiskAssessments.Assessment> latest,
      String grade,
      Money amountAfter) {
    if (kycStatus != KycStatus.VERIFIED) {
      return new Suitability(false, Suitability.KYC_REQUIRED, null, null, null);
    }
    if (latest.isEmpty()) {
      return new Suitability(false, Suitability.RISK_ASSESSMENT_REQUIRED, null, null, null);
    }
    RiskAssessments.Assessment assessment = latest.get();
    if (BusinessCalendar.today(clock).isAfter(assessment.validUntil())) {
      return new Suitability(
          false, Suitability.RISK_ASSESSMENT_EXPIRED, null, null, assessment.validUntil());
    }
    IdentityProperties.LevelPolicy policy = properties.suitability().get(assessment.level());
    Money limit = Money.parseCny(policy.maxHolding());
    if (!policy.grades().contains(grade)) {
      return new Suitability(
          false, Suitability.GRADE_NOT_ALLOWED, assessment.level(), limit, assessment.validUntil());
    }
    if (amountAfter.isGreaterThan(limit)) {
      return new Suitability(
          false,
          Suitability.HOLDING_LIMIT_EXCEEDED,
          assessment.level(),
          limit,
          assessment.validUntil());
    }
    return new Suitability(
        true, Suitability.OK, assessment.level(), limit, assessment.validUntil());
  }
}
