package com.credence.risk.domain;

import com.credence.risk.Decision;
import com.credence.risk.RuleHit;
import com.credence.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The hard rules of an application, checked in a fixed order; each hit says where it sends it. */
public final class ApplicationRules {

  private ApplicationRules() {}

  /**
   * What the rules look at.
   *
   * @param ageYears the person's age today, null for a company
   * @param debtToIncome (other debts + the new instalment) / income, null when income is zero
   */
  public record Facts(
      @Nullable Integer ageYears,
      int minimumAge,
      boolean relatedParty,
      boolean purposeRefused,
      Money amount,
      Money outstandingOnPlatform,
      Money outstandingOtherPlatforms,
      Money platformCap,
      Money allPlatformsCap,
      @Nullable BigDecimal debtToIncome,
      BigDecimal maxDebtToIncome,
      boolean duplicateIdentity,
      boolean currentlyOverdue,
      int lawsuits) {}

  public static List<RuleHit> check(Facts f) {
    List<RuleHit> hits = new ArrayList<>();
    if (f.ageYears() != null && f.ageYears() < f.minimumAge()) {
      hits.add(reject("NOT_ADULT", "Only adults may borrow (" + f.minimumAge() + " or older)"));
    }
    if (f.relatedParty()) {
      hits.add(reject("RELATED_PARTY", "Related parties of the platform may not borrow on it"));
    }
    if (f.purposeRefused()) {
      hits.add(
          reject("PURPOSE_NOT_ALLOWED", "Securities, futures and derivatives are not financed"));
    }
    long onPlatform =
        Math.addExact(f.outstandingOnPlatform().amountMinor(), f.amount().amountMinor());
    long everywhere = Math.addExact(onPlatform, f.outstandingOtherPlatforms().amountMinor());
    if (onPlatform > f.platformCap().amountMinor()) {
      hits.add(
          reject(
              "BORROWING_CAP_EXCEEDED",
              "Outstanding principal on this platform would exceed " + f.platformCap()));
    } else if (everywhere > f.allPlatformsCap().amountMinor()) {
      hits.add(
          reject(
              "BORROWING_CAP_EXCEEDED",
              "Outstanding principal on all platforms would exceed " + f.allPlatformsCap()));
    }
    if (f.debtToIncome() == null || f.debtToIncome().compareTo(f.maxDebtToIncome()) > 0) {
      hits.add(
          reject(
              "DEBT_TO_INCOME_EXCEEDED",
              "Debt payments would exceed "
                  + f.maxDebtToIncome().movePointRight(2)
                  + "% of income"));
    }
    if (f.currentlyOverdue()) {
      hits.add(reject("CURRENTLY_OVERDUE", "The bureau reports a repayment overdue now"));
    }
    if (f.duplicateIdentity()) {
      hits.add(
          review(
              "DUPLICATE_IDENTITY", "Phone, card, device or address shared with another borrower"));
    }
    if (f.lawsuits() > 0) {
      hits.add(review("LAWSUITS", f.lawsuits() + " lawsuit(s) on the bureau report"));
    }
    return hits;
  }

  /** The worst outcome: any reject rejects, any review reviews. */
  public static Decision decide(List<RuleHit> hits) {
    Decision decision = Decision.APPROVE_ELIGIBLE;
    for (RuleHit hit : hits) {
      if (hit.outcome().ordinal() < decision.ordinal()) {
        decision = hit.outcome();
      }
    }
    return decision;
  }

  private static RuleHit reject(String code, String detail) {
    return new RuleHit(code, Decision.REJECT, detail);
  }

  private static RuleHit review(String code, String detail) {
    return new RuleHit(code, Decision.MANUAL_REVIEW, detail);
  }
}
