package com.credence.web;

import com.credence.shared.ApiPrincipal;
import com.credence.shared.ApiTokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. A missing or unknown
 * token leaves the request anonymous; the authorization rules then answer 401.
 */
final class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";
  private final List<ApiTokenAuthenticator> authenticators;

  BearerTokenAuthenticationFilter(List<ApiTokenAuthenticator> authenticators) {
    this.authenticators = List.copyOf(authenticators);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      String token = header.substring(PREFIX.length()).trim();
      authenticate(token)
          .ifPresent(
              principal -> {
                List<SimpleGrantedAuthority> authorities =
                    principal.roles().stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList();
                var authentication =
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
                SecurityContextHolder.getContext().setAuthentication(authentication);
              });
    }
    chain.doFilter(request, response);
  }

  private Optional<ApiPrincipal> authenticate(String token) {
    if (token.isEmpty() || token.length() > 512) {
      return Optional.empty();
    }
    for (ApiTokenAuthenticator authenticator : authenticators) {
      Optional<ApiPrincipal> principal = authenticator.authenticate(token);
      if (principal.isPresent()) {
        return principal;
      }
    }
    return Optional.empty();
  }
}
