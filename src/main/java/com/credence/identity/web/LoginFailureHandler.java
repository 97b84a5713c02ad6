package com.credence.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Sends a refused sign-in back to the form with the reason's code, so the page can say why. */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

  private static final Set<String> SHOWN =
      Set.of("ACCOUNT_LOCKED", "RATE_LIMITED", "TOTP_REQUIRED", "TOTP_INVALID");

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String code =
        exception instanceof PageLoginAuthenticationProvider.LoginRejectedException rejected
                && SHOWN.contains(rejected.code())
            ? rejected.code()
            : "INVALID_CREDENTIALS";
    response.sendRedirect(request.getContextPath() + "/login?error=" + code);
  }
}
