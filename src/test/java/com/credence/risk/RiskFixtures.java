package com.credence.risk;

import com.credence.risk.sim.SimulatedCreditBureau;
import com.credence.shared.Money;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/** Test data for the risk module: applications, clean subjects, fresh VINs. */
public final class RiskFixtures {

  private static final String VIN_CHARACTERS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

  private RiskFixtures() {}

  /** A subject id (unique per call) whose simulated bureau report is spotless. */
  public static String cleanSubject() {
    while (true) {
      String id = "T" + UUID.randomUUID();
      BureauReport r = SimulatedCreditBureau.synthetic(id);
      if (r.creditHistoryMonths() > 24
          && r.overdueRecords() == 0
          && r.lawsuits() == 0
          && r.otherPlatformLoans() == 0
          && r.pledgedVins().isEmpty()) {
        return id;
      }
    }
  }

  /** A subject id whose simulated bureau report has a pledged vehicle. */
  public static String subjectWithPledgedVehicle() {
    while (true) {
      String id = "T" + UUID.randomUUID();
      BureauReport r = SimulatedCreditBureau.synthetic(id);
      if (!r.pledgedVins().isEmpty()) {
        return id;
      }
    }
  }

  public static Vin freshVin(Random random) {
    char[] chars = new char[17];
    for (int i = 0; i < 17; i++) {
      chars[i] = VIN_CHARACTERS.charAt(random.nextInt(VIN_CHARACTERS.length()));
    }
    chars[8] = Vin.checkDigitFor(new String(chars));
    return new Vin(new String(chars));
  }

  /** A sound application by an adult with a good profile, as a starting point. */
  public static AssessApplication anApplication(String subjectId, LocalDate today) {
    return new AssessApplication(
        BorrowerType.PERSON,
        subjectId,
        today.minusYears(35),
        Money.yuan(30_000),
        12,
        LoanPurpose.USED_CAR,
        Money.yuan(20_000),
        Money.yuan(1_000),
        Money.yuan(0),
        new ApplicantProfile(
            ApplicantProfile.CheckingAccount.AT_LEAST_2000_CNY,
            Money.yuan(20_000),
            120,
            ApplicantProfile.Housing.OWN,
            ApplicantProfile.Job.SKILLED,
            ApplicantProfile.PropertyOwned.REAL_ESTATE,
            ApplicantProfile.OtherParty.NONE),
        DuplicateSignals.none());
  }

  /** The same application with another amount, purpose, age or signals. */
  public static AssessApplication with(
      AssessApplication a,
      Money amount,
      LoanPurpose purpose,
      LocalDate birthDate,
      Money outstandingOnPlatform,
      DuplicateSignals duplicates) {
    return new AssessApplication(
        a.borrowerType(),
        a.subjectId(),
        birthDate,
        amount,
        a.termMonths(),
        purpose,
        a.monthlyIncome(),
        a.monthlyDebtPayments(),
        outstandingOnPlatform,
        a.profile(),
        duplicates);
  }
}
