/**
 * Custody ledger: Double-entry accounts and transfers, two-phase holds (freezes), balances and
 * statements. Every money movement of the platform is a ledger transfer; no other module stores a
 * balance.
 *
 * <p>Invariant: the sum of all debits equals the sum of all credits per currency at every commit.
 *
 * <p>Allowed dependencies: shared.
 */
@ApplicationModule(
    allowedDependencies = {"shared"},
    displayName = "Custody ledger")
@NullMarked
package com.credence.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
