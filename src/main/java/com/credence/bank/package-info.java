/**
 * Custodian bank: Custody sub-accounts, bank cards, deposit and withdrawal orders, signed callbacks
 * and daily reconciliation of the ledger against the bank's statement.
 *
 * <p>Allowed dependencies: shared, ledger, identity.
 */
@ApplicationModule(
    allowedDependencies = {"shared", "ledger", "identity"},
    displayName = "Custodian bank")
@NullMarked
package com.credence.bank;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
