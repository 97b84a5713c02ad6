/**
 * Contracts: Electronic loan contracts, signatures and their verification. Listens to events of
 * other modules.
 *
 * <p>Allowed dependencies: shared.
 */
@ApplicationModule(
    allowedDependencies = {"shared"},
    displayName = "Contracts")
@NullMarked
package com.credence.contract;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
