/**
 * Repayment: Repayment schedules, collection, distribution to every holder, overdue, penalties,
 * collections and the end-of-day run.
 *
 * <p>Invariant: the holders' parts of an installment add up to the installment to the fen.
 *
 * <p>Allowed dependencies: shared, ledger, investment.
 */
@ApplicationModule(
    allowedDependencies = {"shared", "ledger", "investment", "bank"},
    displayName = "Repayment")
@NullMarked
package com.credence.repayment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
