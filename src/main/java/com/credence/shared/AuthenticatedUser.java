package com.credence.shared;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as every module sees it, whether the request came with a bearer token (API) or
 * a session (pages). Controllers take it with {@code @AuthenticationPrincipal}.
 */
public interface AuthenticatedUser {

  UUID userId();

  /** Role names without prefix: INVESTOR, BORROWER, RISK_OFFICER, OPERATOR, AUDITOR, ADMIN. */
  Set<String> roles();

  default boolean hasRole(String role) {
    return roles().contains(role);
  }
}
