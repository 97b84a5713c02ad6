package com.credence.investment;

import com.credence.ledger.AccountId;
import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published (through the event publication registry) when a full listing has been disbursed: the
 * borrower has the principal, the holdings exist. The repayment module turns it into the loan's
 * schedule and the holders' schedules.
 *
 * @param valueDate the business date of disbursement; interest runs from it
 * @param escrowAccount the loan's escrow account: repayments go in, distributions go out
 * @param borrowerAccount the borrower's funds account, debited by collection
 * @param monthlyFee the contracted fee the borrower pays with each installment
 * @param investorServiceFeeBps the platform's share of the interest distributed to holders
 */
public record LoanFunded(
    UUID loanId,
    UUID listingId,
    UUID applicationId,
    UUID borrowerId,
    Money principal,
    AnnualRate annualRate,
    int termMonths,
    RepaymentMethod repaymentMethod,
    LocalDate valueDate,
    AccountId escrowAccount,
    AccountId borrowerAccount,
    Money monthlyFee,
    int investorServiceFeeBps,
    List<FundedHolding> holdings) {

  public LoanFunded {
    holdings = List.copyOf(holdings);
  }

  /** One investor's part of the loan; the principals add up to the loan's principal exactly. */
  public record FundedHolding(
      UUID holdingId, UUID investorId, AccountId investorAccount, Money principal) {}
}
