/**
 * Origination: Loan products, applications, documents and the maker-checker review workflow that
 * turns an application into an approved loan.
 *
 * <p>Allowed dependencies: shared, identity, risk.
 */
@ApplicationModule(
    allowedDependencies = {"shared", "identity", "risk"},
    displayName = "Origination")
@NullMarked
package com.credence.origination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
