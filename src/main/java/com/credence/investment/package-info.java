/**
 * Investment: Listings, the invest rush, auto-invest, full funding and failure, holdings.
 *
 * <p>Invariant: a listing never raises more than its amount.
 *
 * <p>Allowed dependencies: shared, ledger, identity, risk, origination.
 */
@ApplicationModule(
    allowedDependencies = {"shared", "ledger", "identity", "risk", "origination"},
    displayName = "Investment")
@NullMarked
package com.credence.investment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
