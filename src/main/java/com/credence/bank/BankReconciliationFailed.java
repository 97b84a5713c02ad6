package com.credence.bank;

import java.time.LocalDate;

/** Published when a day's reconciliation finds differences: an alert for operators. */
public record BankReconciliationFailed(LocalDate businessDate, int differences) {}
