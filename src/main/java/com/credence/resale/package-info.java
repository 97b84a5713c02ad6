/**
 * Secondary market: Transfer of holdings between investors (债权转让): one part of one loan, with the
 * loan's own dates.
 *
 * <p>Allowed dependencies: shared, ledger, investment, repayment.
 */
@ApplicationModule(
    allowedDependencies = {"shared", "ledger", "investment", "repayment"},
    displayName = "Secondary market")
@NullMarked
package com.credence.resale;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
