/**
 * Operations: Audit log, anomaly monitor, alerts, emergency switches and the admin console. Listens
 * to events of other modules.
 *
 * <p>Allowed dependencies: shared.
 */
@ApplicationModule(
    allowedDependencies = {"shared"},
    displayName = "Operations")
@NullMarked
package com.credence.ops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
