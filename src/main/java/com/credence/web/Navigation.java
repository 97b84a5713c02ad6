package com.credence.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which menu entries the navigation bar shows, from the signed-in user's roles; all false for a
 * visitor who is not signed in ({@code NavigationInterceptor} puts it in every page's model).
 */
public record Navigation(
    boolean signedIn, boolean investor, boolean borrower, boolean reviewer, boolean operator) {

  static final Navigation VISITOR = new Navigation(false, false, false, false, false);

  static Navigation of(@Nullable Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return VISITOR;
    }
    Set<String> roles =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());
    boolean reviewer = roles.contains("ROLE_RISK_OFFICER") || roles.contains("ROLE_ADMIN");
    return new Navigation(
        true,
        roles.contains("ROLE_INVESTOR"),
        roles.contains("ROLE_BORROWER"),
        reviewer,
        reviewer || roles.contains("ROLE_OPERATOR"));
  }
}
