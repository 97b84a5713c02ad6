package com.credence.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.credence.risk.domain.ScorecardModel;
import com.credence.risk.persistence.ScorecardArtifacts;
import com.credence.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every platform value maps onto a bin of the shipped model, and the mapping goes the right way.
 */
class ModelInputsTest {

  private static final ScorecardModel MODEL =
      ScorecardArtifacts.fromClasspath("risk/scorecard-v1.json");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final BureauReport CLEAN =
      new BureauReport(60, 0, false, 0, Money.yuan(0), 0, List.of());

  @Test
  void everyPurposeAndProfileValueHasABin() {
    AssessApplication base = RiskFixtures.anApplication("S", TODAY);
    for (LoanPurpose purpose : LoanPurpose.values()) {
      for (ApplicantProfile.CheckingAccount checking : ApplicantProfile.CheckingAccount.values()) {
        for (ApplicantProfile.Job job : ApplicantProfile.Job.values()) {
          AssessApplication a = withProfile(base, purpose, checking, job);
          assertThatCode(() -> MODEL.score(ModelInputs.of(a, CLEAN, Money.yuan(1_000))))
              .as("%s %s %s", purpose, checking, job)
              .doesNotThrowAnyException();
        }
      }
    }
  }

  @Test
  void everyBureauShapeHasABin() {
    AssessApplication a = RiskFixtures.anApplication("S", TODAY);
    for (BureauReport report :
        List.of(
            new BureauReport(0, 0, false, 0, Money.yuan(0), 0, List.of()),
            new BureauReport(60, 2, true, 0, Money.yuan(0), 0, List.of()),
            new BureauReport(60, 0, false, 3, Money.yuan(90_000), 0, List.of()))) {
      assertThatCode(() -> MODEL.score(ModelInputs.of(a, report, Money.yuan(1_000))))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aHeavierInstalmentAndALongerTermCostPoints() {
    AssessApplication a = RiskFixtures.anApplication("S", TODAY);
    Map<String, String> light = ModelInputs.of(a, CLEAN, Money.yuan(1_000));
    Map<String, String> heavy = ModelInputs.of(a, CLEAN, Money.yuan(9_000));

    assertThat(light.get("installment_commitment")).isEqualTo("1");
    assertThat(heavy.get("installment_commitment")).isEqualTo("4");
    assertThat(MODEL.score(heavy).points()).isLessThan(MODEL.score(light).points());
  }

  @Test
  void amountsArePlacedInTheDataBandsAtTenYuanPerMark() {
    AssessApplication a = RiskFixtures.anApplication("S", TODAY);

    assertThat(ModelInputs.of(a, CLEAN, Money.yuan(1_000)).get("credit_amount")).isEqualTo("3000");
  }

  @Test
  void protectedAttributesAreNeverProduced() {
    Map<String, String> inputs =
        ModelInputs.of(RiskFixtures.anApplication("S", TODAY), CLEAN, Money.yuan(1_000));

    assertThat(inputs).doesNotContainKeys("age", "personal_status", "foreign_worker");
  }

  private static AssessApplication withProfile(
      AssessApplication a,
      LoanPurpose purpose,
      ApplicantProfile.CheckingAccount checking,
      ApplicantProfile.Job job) {
    ApplicantProfile p = a.profile();
    return new AssessApplication(
        a.borrowerType(),
        a.subjectId(),
        a.birthDate(),
        a.amount(),
        a.termMonths(),
        purpose,
        a.monthlyIncome(),
        a.monthlyDebtPayments(),
        a.outstandingOnPlatform(),
        new ApplicantProfile(
            checking,
            null,
            null,
            p.housing(),
            job,
            ApplicantProfile.PropertyOwned.CAR,
            ApplicantProfile.OtherParty.GUARANTOR),
        a.duplicates());
  }
}
