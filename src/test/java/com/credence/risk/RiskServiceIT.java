package com.credence.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.identity.IdentityTestUsers;
import com.credence.risk.sim.SimulatedCreditBureau;
import com.credence.shared.AnnualRate;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import com.credence.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RiskServiceIT extends IntegrationTestBase {

  @Autowired RiskService risk;
  @Autowired SimulatedCreditBureau bureau;
  @Autowired Clock clock;

  @AfterEach
  void bureauBackUp() {
    bureau.setMode(SimulatedCreditBureau.Mode.UP);
  }

  private LocalDate today() {
    return BusinessCalendar.today(clock);
  }

  @Test
  void aSoundApplicationIsEligibleWithAScoreGradeAndPrice() {
    RiskReport report =
        risk.assess(RiskFixtures.anApplication(RiskFixtures.cleanSubject(), today()));

    assertThat(report.rulesFired()).isEmpty();
    assertThat(report.decision()).isEqualTo(Decision.APPROVE_ELIGIBLE);
    assertThat(report.grade()).isIn(Grade.A, Grade.B, Grade.C, Grade.D);
    assertThat(report.offeredRate()).isNotNull();
    assertThat(report.score()).isBetween(450, 750);
    assertThat(report.modelVersion()).isEqualTo("scorecard-v1");
    assertThat(report.reasons()).hasSizeLessThanOrEqualTo(4);
  }

  @Test
  void refusesMinorsRefusedPurposesAndAmountsAboveTheCap() {
    AssessApplication a = RiskFixtures.anApplication(RiskFixtures.cleanSubject(), today());

    RiskReport minor =
        risk.assess(
            RiskFixtures.with(
                a,
                a.amount(),
                a.purpose(),
                today().minusYears(17),
                Money.yuan(0),
                DuplicateSignals.none()));
    RiskReport stocks =
        risk.assess(
            RiskFixtures.with(
                a,
                a.amount(),
                LoanPurpose.STOCKS,
                a.birthDate(),
                Money.yuan(0),
                DuplicateSignals.none()));
    RiskReport overCap =
        risk.assess(
            RiskFixtures.with(
                a,
                Money.yuan(30_000),
                a.purpose(),
                a.birthDate(),
                Money.yuan(180_000),
                DuplicateSignals.none()));

    assertThat(minor.decision()).isEqualTo(Decision.REJECT);
    assertThat(minor.rulesFired()).extracting(RuleHit::code).contains("NOT_ADULT");
    assertThat(stocks.rulesFired()).extracting(RuleHit::code).contains("PURPOSE_NOT_ALLOWED");
    assertThat(overCap.rulesFired()).extracting(RuleHit::code).contains("BORROWING_CAP_EXCEEDED");
    assertThat(overCap.decision()).isEqualTo(Decision.REJECT);
  }

  @Test
  void duplicateIdentitySignalsSendToManualReview() {
    AssessApplication a = RiskFixtures.anApplication(RiskFixtures.cleanSubject(), today());

    RiskReport report =
        risk.assess(
            RiskFixtures.with(
                a,
                a.amount(),
                a.purpose(),
                a.birthDate(),
                Money.yuan(0),
                new DuplicateSignals(0, 0, 1, 0)));

    assertThat(report.decision()).isEqualTo(Decision.MANUAL_REVIEW);
    assertThat(report.rulesFired()).extracting(RuleHit::code).containsExactly("DUPLICATE_IDENTITY");
  }

  @Test
  void relatedPartiesAreRefused() {
    String subject = RiskFixtures.cleanSubject();
    assertThat(risk.addRelatedParty(subject, "Shareholder", "holds 10% of the platform")).isTrue();
    assertThat(risk.addRelatedParty(subject, "Shareholder", "again")).isFalse();

    RiskReport report = risk.assess(RiskFixtures.anApplication(subject, today()));

    assertThat(report.decision()).isEqualTo(Decision.REJECT);
    assertThat(report.rulesFired()).extracting(RuleHit::code).contains("RELATED_PARTY");
  }

  @Test
  void nothingIsAssessedWhileTheBureauIsDown() {
    HttpResponse<String> down = http.postJson("/api/v1/sim/bureau", "{\"mode\":\"DOWN\"}", null);
    assertThat(down.statusCode()).isEqualTo(200);

    assertThatThrownBy(
            () -> risk.assess(RiskFixtures.anApplication(RiskFixtures.cleanSubject(), today())))
        .isInstanceOf(BureauUnavailable.class);

    http.postJson("/api/v1/sim/bureau", "{\"mode\":\"UP\"}", null);
    assertThat(risk.assess(RiskFixtures.anApplication(RiskFixtures.cleanSubject(), today())))
        .isNotNull();
  }

  @Test
  void borrowingCapsAreCheckedAgainAtFilling() {
    String subject = RiskFixtures.cleanSubject();

    risk.checkBorrowingCaps(BorrowerType.PERSON, subject, Money.yuan(50_000), Money.yuan(150_000));
    assertThatThrownBy(
            () ->
                risk.checkBorrowingCaps(
                    BorrowerType.PERSON, subject, Money.yuan(50_001), Money.yuan(150_000)))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.code()).isEqualTo("BORROWING_CAP_EXCEEDED"));
    risk.checkBorrowingCaps(
        BorrowerType.COMPANY, subject, Money.yuan(500_000), Money.yuan(500_000));
  }

  @Test
  void theLegalCapIsFourTimesTheLpr() {
    assertThat(risk.legalCapBps()).isEqualTo(1_200);
    assertThatThrownBy(
            () ->
                risk.checkAllInCost(
                    Money.yuan(10_000),
                    AnnualRate.ofBps(1_100),
                    12,
                    RepaymentMethod.EQUAL_INSTALLMENT,
                    Money.yuan(200),
                    Money.cny(0)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(422);
              assertThat(p.code()).isEqualTo("RATE_ABOVE_LEGAL_CAP");
            });
  }

  @Test
  void relatedPartyAdminApiIsForAdminsOnly() {
    String body = "{\"subjectId\":\"110101199003074578\",\"name\":\"X\",\"relation\":\"director\"}";
    var investor = IdentityTestUsers.registered(http, "INVESTOR");

    assertThat(http.postJson("/api/v1/admin/related-parties", body, null).statusCode())
        .isEqualTo(401);
    assertThat(http.postJson("/api/v1/admin/related-parties", body, investor.token()).statusCode())
        .isIn(403, 404);
  }
}
