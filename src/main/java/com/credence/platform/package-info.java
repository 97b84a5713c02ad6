/**
 * Platform: Runtime plumbing every module relies on: the embedded PostgreSQL, the TLS keystore, the
 * clock bean, request ids and the demo-data runner.
 *
 * <p>Allowed dependencies: shared.
 */
@ApplicationModule(
    allowedDependencies = {"shared"},
    displayName = "Platform")
@NullMarked
package com.credence.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
