package com.credence.risk;

import com.credence.shared.Money;
import java.util.List;

/**
 * What the credit bureau knows about a person (ID number) or a company (credit code).
 *
 * @param creditHistoryMonths months since the first credit on record, 0 for none
 * @param overdueRecords overdue repayments on record over the last five years
 * @param currentlyOverdue whether a repayment is overdue right now
 * @param otherPlatformLoans open loans on other lending platforms
 * @param outstandingOtherPlatforms principal outstanding on other platforms
 * @param lawsuits lawsuits and enforcement cases naming the subject
 * @param pledgedVins vehicles with a pledge registered against them anywhere
 */
public record BureauReport(
    int creditHistoryMonths,
    int overdueRecords,
    boolean currentlyOverdue,
    int otherPlatformLoans,
    Money outstandingOtherPlatforms,
    int lawsuits,
    List<Vin> pledgedVins) {

  public BureauReport {
    pledgedVins = List.copyOf(pledgedVins);
    if (creditHistoryMonths < 0 || overdueRecords < 0 || otherPlatformLoans < 0 || lawsuits < 0) {
      throw new IllegalArgumentException("Bureau counts are never negative");
    }
  }
}
