package com.credence.identity.rest;

import com.credence.identity.IdentityService;
import com.credence.identity.IssuedToken;
import com.credence.identity.Role;
import com.credence.identity.SmsPurpose;
import com.credence.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public identity API: SMS codes, registration, tokens, password reset (API.md "Identity"). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthRestController {

  static final String PHONE = "^(\\+?86)?1[3-9][0-9]{9}$";

  private final IdentityService identity;

  AuthRestController(IdentityService identity) {
    this.identity = identity;
  }

  record SmsCodeRequest(
      @NotBlank @Pattern(regexp = PHONE, message = "must be a mainland mobile number of 11 digits")
          String phone,
      @NotNull
          @Pattern(
              regexp = "REGISTER|LOGIN|RESET_PASSWORD|WITHDRAW",
              message = "must be REGISTER, LOGIN, RESET_PASSWORD or WITHDRAW")
          String purpose) {}

  @PostMapping("/sms-codes")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void smsCode(@Valid @RequestBody SmsCodeRequest body, HttpServletRequest request) {
    identity.requestSmsCode(
        body.phone(), SmsPurpose.valueOf(body.purpose()), request.getRemoteAddr());
  }

  record RegisterRequest(
      @NotBlank @Pattern(regexp = PHONE, message = "must be a mainland mobile number of 11 digits")
          String phone,
      @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the SMS code")
          String smsCode,
      @NotBlank @Size(max = 64) String password,
      @NotNull @Pattern(regexp = "INVESTOR|BORROWER", message = "must be INVESTOR or BORROWER")
          String role) {

    @Override
    public String toString() {
      return "RegisterRequest[role=" + role + "]";
    }
  }

  record Registered(UUID userId) {}

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  Registered register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
    return new Registered(
        identity.register(
            body.phone(),
            body.smsCode(),
            body.password(),
            Role.valueOf(body.role()),
            request.getRemoteAddr()));
  }

  record TokenRequest(
      @NotBlank @Size(max = 20) String phone,
      @Nullable @Size(max = 128) String password,
      @Nullable @Size(max = 10) String smsCode,
      @Nullable @Size(max = 10) String totp) {

    @Override
    public String toString() {
      return "TokenRequest[***]";
    }
  }

  record TokenResponse(String accessToken, String tokenType, long expiresIn) {}

  @PostMapping("/tokens")
  TokenResponse token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
    if ((body.password() == null || body.password().isEmpty())
        && (body.smsCode() == null || body.smsCode().isBlank())) {
      throw new ProblemException(
          400,
          "VALIDATION_FAILED",
          "Send the password (or a LOGIN SMS code)",
          "problem.validation-failed");
    }
    IssuedToken token =
        identity.issueToken(
            body.phone(), body.password(), body.smsCode(), body.totp(), request.getRemoteAddr());
    return new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds());
  }

  @DeleteMapping("/tokens/current")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(
      @RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
    String prefix = "Bearer ";
    if (authorization == null
        || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())
        || !identity.revokeToken(authorization.substring(prefix.length()).trim())) {
      throw new ProblemException(
          401,
          "UNAUTHENTICATED",
          "Sign in first: send a valid bearer token",
          "problem.unauthenticated");
    }
  }

  record PasswordResetRequest(
      @NotBlank @Pattern(regexp = PHONE, message = "must be a mainland mobile number of 11 digits")
          String phone,
      @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the SMS code")
          String smsCode,
      @NotBlank @Size(max = 64) String newPassword) {

    @Override
    public String toString() {
      return "PasswordResetRequest[***]";
    }
  }

  @PostMapping("/password-reset")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resetPassword(@Valid @RequestBody PasswordResetRequest body) {
    identity.resetPassword(body.phone(), body.smsCode(), body.newPassword());
  }
}
