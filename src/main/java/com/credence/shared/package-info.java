/**
 * Shared kernel: Money, rates, ids, the business calendar, invariants and problem types. Pure
 * values and helpers: no beans with state.
 *
 * <p>Allowed dependencies: none.
 */
@ApplicationModule(
    allowedDependencies = {},
    displayName = "Shared kernel")
@NullMarked
package com.credence.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
