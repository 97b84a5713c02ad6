package com.credence.risk;

import com.credence.shared.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The command to assess a loan application.
 *
 * @param subjectId the person's ID number or the company's credit code, as the bureau keys it
 * @param birthDate the person's date of birth (null for a company)
 * @param outstandingOnPlatform the borrower's principal outstanding on this platform now
 * @param monthlyIncome net monthly income (a company: average monthly operating cash inflow)
 * @param monthlyDebtPayments what the borrower pays on other debts each month
 */
public record AssessApplication(
    BorrowerType borrowerType,
    String subjectId,
    @Nullable LocalDate birthDate,
    Money amount,
    int termMonths,
    LoanPurpose purpose,
    Money monthlyIncome,
    Money monthlyDebtPayments,
    Money outstandingOnPlatform,
    ApplicantProfile profile,
    DuplicateSignals duplicates) {

  @Override
  public String toString() {
    return "AssessApplication["
        + borrowerType
        + ", amount="
        + amount
        + ", term="
        + termMonths
        + ", purpose="
        + purpose
        + "]";
  }
}
