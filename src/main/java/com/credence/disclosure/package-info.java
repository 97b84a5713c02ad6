/**
 * Disclosure: Regulated operating data, per-loan disclosure and the hash-chained daily books with
 * inclusion proofs. Reads other modules through events and public query APIs.
 *
 * <p>Allowed dependencies: shared.
 */
@ApplicationModule(
    allowedDependencies = {"shared"},
    displayName = "Disclosure")
@NullMarked
package com.credence.disclosure;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
