/**
 * Identity: Users, roles, login, SMS codes, second factor, real-name verification, the risk
 * questionnaire, API tokens and encrypted personal data.
 *
 * <p>Allowed dependencies: shared.
 */
@ApplicationModule(
    allowedDependencies = {"shared"},
    displayName = "Identity")
@NullMarked
package com.credence.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
