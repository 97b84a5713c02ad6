package com.credence.risk;

import com.credence.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * The applicant's own answers that the scorecard uses (docs/modules/risk.md maps each onto the
 * model's inputs).
 *
 * @param checkingAccount the state of the main current account
 * @param savings savings and deposits, null when not declared
 * @param employmentMonths months with the current employer, null when unemployed
 */
public record ApplicantProfile(
    CheckingAccount checkingAccount,
    @Nullable Money savings,
    @Nullable Integer employmentMonths,
    Housing housing,
    Job job,
    PropertyOwned property,
    OtherParty otherParty) {

  /** Balance of the main current account. */
  public enum CheckingAccount {
    OVERDRAWN,
    BELOW_2000_CNY,
    AT_LEAST_2000_CNY,
    NONE
  }

  public enum Housing {
    RENT,
    OWN,
    FREE
  }

  public enum Job {
    UNEMPLOYED_OR_UNSKILLED_NON_RESIDENT,
    UNSKILLED,
    SKILLED,
    MANAGEMENT_OR_SELF_EMPLOYED
  }

  /** The most valuable property the applicant declares. */
  public enum PropertyOwned {
    REAL_ESTATE,
    LIFE_INSURANCE,
    CAR,
    NONE
  }

  /** Someone else who stands behind the loan. */
  public enum OtherParty {
    NONE,
    CO_APPLICANT,
    GUARANTOR
  }
}
