package com.credence.repayment;

import com.credence.shared.Money;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One holding's part of one installment: expected on its due date, or received on {@code paidOn}.
 * Interest is after the platform's service fee.
 */
public record CashFlowView(
    LocalDate dueDate,
    @Nullable LocalDate paidOn,
    UUID loanId,
    UUID holdingId,
    int installment,
    Money principal,
    Money interest,
    Money penalty,
    String status) {}
