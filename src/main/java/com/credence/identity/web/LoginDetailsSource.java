package com.credence.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.stereotype.Component;

/** Captures the optional {@code totp} field of the sign-in form. */
@Component
class LoginDetailsSource implements AuthenticationDetailsSource<HttpServletRequest, LoginDetails> {

  @Override
  public LoginDetails buildDetails(HttpServletRequest request) {
    return new LoginDetails(request.getRemoteAddr(), request.getParameter("totp"));
  }
}
