package com.credence.repayment;

import com.credence.shared.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One installment of a loan's schedule: what it asks and what has been paid on it.
 *
 * @param status SCHEDULED, OVERDUE or PAID
 */
public record InstallmentView(
    int number,
    LocalDate dueDate,
    Money principal,
    Money interest,
    Money fee,
    Money penalty,
    Money total,
    Money paid,
    String status,
    @Nullable LocalDate paidOn) {}
