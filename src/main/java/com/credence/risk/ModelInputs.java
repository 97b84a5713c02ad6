package com.credence.risk;

import com.credence.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps an application and its bureau report onto the scorecard's inputs, which keep the German
 * credit data's vocabulary. The table in docs/modules/risk.md is the specification of this class.
 */
final class ModelInputs {

  /**
   * Yuan per Deutsche Mark for the data's amount bands: a fixed, documented conversion, not a
   * market rate. It only places an amount in the model's bins.
   */
  static final BigDecimal CNY_PER_DM = BigDecimal.TEN;

  private ModelInputs() {}

  static Map<String, String> of(AssessApplication a, BureauReport bureau, Money instalment) {
    Map<String, String> in = new HashMap<>();
    ApplicantProfile p = a.profile();
    in.put("checking_status", checking(p.checkingAccount()));
    in.put("duration", Integer.toString(a.termMonths()));
    in.put("credit_history", creditHistory(bureau));
    in.put("purpose", purpose(a.purpose()));
    in.put("credit_amount", dm(a.amount()).toPlainString());
    in.put("savings_status", savings(p.savings()));
    in.put("employment", employment(p.employmentMonths()));
    in.put("installment_commitment", Integer.toString(burden(instalment, a.monthlyIncome())));
    in.put("other_parties", otherParties(p.otherParty()));
    in.put("property_magnitude", property(p.property()));
    in.put("other_payment_plans", bureau.otherPlatformLoans() > 0 ? "bank" : "none");
    in.put("housing", housing(p.housing()));
    in.put("existing_credits", Integer.toString(1 + bureau.otherPlatformLoans()));
    in.put("job", job(p.job()));
    // Every borrower has a verified mobile number.
    in.put("own_telephone", "yes");
    return in;
  }

  private static BigDecimal dm(Money amount) {
    return BigDecimal.valueOf(amount.amountMinor(), 2).divide(CNY_PER_DM, 0, RoundingMode.HALF_UP);
  }

  private static String checking(ApplicantProfile.CheckingAccount account) {
    return switch (account) {
      case OVERDRAWN -> "<0";
      case BELOW_2000_CNY -> "0<=X<200";
      case AT_LEAST_2000_CNY -> ">=200";
      case NONE -> "no checking";
    };
  }

  private static String creditHistory(BureauReport bureau) {
    if (bureau.creditHistoryMonths() == 0) {
      return "no credits/all paid";
    }
    if (bureau.overdueRecords() > 0) {
      return "delayed previously";
    }
    if (bureau.otherPlatformLoans() > 0) {
      return "critical/other existing credit";
    }
    return "existing paid";
  }

  private static String purpose(LoanPurpose purpose) {
    return switch (purpose) {
      case NEW_CAR -> "new car";
      case USED_CAR -> "used car";
      case FURNITURE -> "furniture/equipment";
      case ELECTRONICS -> "radio/tv";
      case HOME_APPLIANCES -> "domestic appliance";
      case HOME_REPAIR -> "repairs";
      case EDUCATION -> "education";
      case VOCATIONAL_TRAINING -> "retraining";
      case BUSINESS -> "business";
      // The data has no holiday loans; refused purposes never reach the scorecard.
      case TRAVEL, OTHER, STOCKS, FUTURES, DERIVATIVES, MARGIN_TRADING -> "other";
    };
  }

  private static String savings(Money savings) {
    if (savings == null) {
      return "no known savings";
    }
    BigDecimal dm = dm(savings);
    if (dm.compareTo(BigDecimal.valueOf(100)) < 0) {
      return "<100";
    }
    if (dm.compareTo(BigDecimal.valueOf(500)) < 0) {
      return "100<=X<500";
    }
    if (dm.compareTo(BigDecimal.valueOf(1000)) < 0) {
      return "500<=X<1000";
    }
    return ">=1000";
  }

  private static String employment(Integer months) {
    if (months == null) {
      return "unemployed";
    }
    if (months < 12) {
      return "<1";
    }
    if (months < 48) {
      return "1<=X<4";
    }
    return months < 84 ? "4<=X<7" : ">=7";
  }

  /** The data's instalment rate 1-4: the new instalment's share of income, heavier is higher. */
  static int burden(Money instalment, Money income) {
    if (income.amountMinor() == 0) {
      return 4;
    }
    BigDecimal share =
        BigDecimal.valueOf(instalment.amountMinor())
            .divide(BigDecimal.valueOf(income.amountMinor()), 4, RoundingMode.HALF_UP);
    if (share.compareTo(new BigDecimal("0.10")) <= 0) {
      return 1;
    }
    if (share.compareTo(new BigDecimal("0.20")) <= 0) {
      return 2;
    }
    return share.compareTo(new BigDecimal("0.30")) <= 0 ? 3 : 4;
  }

  private static String otherParties(ApplicantProfile.OtherParty party) {
    return switch (party) {
      case NONE -> "none";
      case CO_APPLICANT -> "co applicant";
      case GUARANTOR -> "guarantor";
    };
  }

  private static String property(ApplicantProfile.PropertyOwned property) {
    return switch (property) {
      case REAL_ESTATE -> "real estate";
      case LIFE_INSURANCE -> "life insurance";
      case CAR -> "car";
      case NONE -> "no known property";
    };
  }

  private static String housing(ApplicantProfile.Housing housing) {
    return switch (housing) {
      case RENT -> "rent";
      case OWN -> "own";
      case FREE -> "for free";
    };
  }

  private static String job(ApplicantProfile.Job job) {
    return switch (job) {
      case UNEMPLOYED_OR_UNSKILLED_NON_RESIDENT -> "unemp/unskilled non res";
      case UNSKILLED -> "unskilled resident";
      case SKILLED -> "skilled";
      case MANAGEMENT_OR_SELF_EMPLOYED -> "high qualif/self emp/mgmt";
    };
  }
}
