/**
 * Risk control: Credit bureau adapter, collateral registry, related-party register, rules,
 * scorecard, grades, pricing within the legal rate cap and borrowing caps.
 *
 * <p>Allowed dependencies: shared, identity.
 */
@ApplicationModule(
    allowedDependencies = {"shared", "identity"},
    displayName = "Risk control")
@NullMarked
package com.credence.risk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
