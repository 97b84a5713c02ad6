package com.credence.identity;

import com.credence.shared.ProblemException;

/**
 * The business rejections of the identity module, each with its status, stable code and message
 * key.
 */
final class IdentityProblems {

  private IdentityProblems() {}

  static ProblemException of(int status, String code, String detail) {
    return new ProblemException(
        status,
        code,
        detail,
        "problem." + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  static ProblemException invalid(String detail) {
    return of(400, "VALIDATION_FAILED", detail);
  }

  static ProblemException invalidPhone() {
    return of(400, "PHONE_INVALID", "Enter a mainland China mobile number of 11 digits");
  }

  static ProblemException rateLimited(String what) {
    return of(429, "RATE_LIMITED", "Too many " + what + "; wait a while and try again");
  }

  static ProblemException smsCodeInvalid(String detail) {
    return of(400, "SMS_CODE_INVALID", detail);
  }

  static ProblemException smsCodeExpired() {
    return of(400, "SMS_CODE_EXPIRED", "The SMS code has expired; request a new one");
  }

  static ProblemException phoneTaken() {
    return of(
        409,
        "PHONE_ALREADY_REGISTERED",
        "This mobile number is already registered; sign in instead");
  }

  static ProblemException weakPassword(String detail) {
    return of(400, "WEAK_PASSWORD", detail);
  }

  static ProblemException badCredentials() {
    return of(401, "INVALID_CREDENTIALS", "Wrong mobile number or password");
  }

  static ProblemException locked(java.time.Instant until) {
    return of(
        423,
        "ACCOUNT_LOCKED",
        "Too many failed sign-ins: the account is locked until "
            + until
            + "; try again later or reset the password");
  }

  static ProblemException totpRequired() {
    return of(
        401,
        "TOTP_REQUIRED",
        "This account uses a second factor: send the 6-digit code of the authenticator app");
  }

  static ProblemException totpInvalid() {
    return of(401, "TOTP_INVALID", "The authenticator code is wrong or was used already");
  }
}
