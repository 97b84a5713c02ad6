/**
 * Web shell: Page layout, navigation, internationalisation, security configuration, the home page,
 * error pages and the API error contract. May use the public API of every module.
 *
 * <p>Allowed dependencies: the public API of every module.
 */
@ApplicationModule(displayName = "Web shell")
@NullMarked
package com.credence.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
