package com.credence.repayment;

import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A loan as its borrower (and staff) see it.
 *
 * @param dueNow what is due today or earlier and unpaid, penalties included
 * @param payoff what settles the loan today (due now plus a full early repayment)
 * @param nextDueDate the due date of the oldest unpaid installment, null when settled
 */
public record LoanView(
    UUID loanId,
    UUID listingId,
    UUID borrowerId,
    Money principal,
    AnnualRate annualRate,
    int termMonths,
    RepaymentMethod repaymentMethod,
    LocalDate valueDate,
    String status,
    Money outstandingPrincipal,
    Money dueNow,
    Money payoff,
    @Nullable LocalDate nextDueDate,
    int daysOverdue,
    String bucket,
    Money monthlyFee) {}
