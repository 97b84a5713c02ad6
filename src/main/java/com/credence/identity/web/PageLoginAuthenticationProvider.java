package com.credence.identity.web;

import com.credence.identity.IdentityService;
import com.credence.identity.SessionUser;
import com.credence.shared.ProblemException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Session sign-in for the pages with the same rules as the API: lockout, per-address limit and the
 * second factor. The principal is a {@link SessionUser}.
 */
@Component
class PageLoginAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;

  PageLoginAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  /** A refused sign-in with the stable code of the problem. */
  static final class LoginRejectedException extends AuthenticationException {
    private final String code;

    LoginRejectedException(String code, String message) {
      super(message);
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String phone = String.valueOf(authentication.getPrincipal());
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? "" : credentials.toString();
    LoginDetails details =
        authentication.getDetails() instanceof LoginDetails d
            ? d
            : new LoginDetails("unknown", null);
    try {
      SessionUser user = identity.signIn(phone, password, details.totp(), details.remoteAddress());
      List<SimpleGrantedAuthority> authorities =
          user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
      UsernamePasswordAuthenticationToken result =
          UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
      result.setDetails(details);
      return result;
    } catch (ProblemException e) {
      throw new LoginRejectedException(e.code(), e.getMessage());
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
