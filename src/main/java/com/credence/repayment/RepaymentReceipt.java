package com.credence.repayment;

import com.credence.shared.Money;
import java.util.UUID;

/**
 * The answer to a borrower's repayment: how the amount was allocated.
 *
 * @param kind DUE (only what was due), EARLY_PARTIAL or EARLY_FULL
 * @param earlyRepaymentFee the contracted fee of a full early repayment (included in {@code fee})
 */
public record RepaymentReceipt(
    UUID repaymentId,
    UUID loanId,
    Money amount,
    Money penalty,
    Money fee,
    Money interest,
    Money principal,
    Money earlyRepaymentFee,
    String kind,
    String loanStatus) {}
