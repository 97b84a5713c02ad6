package com.credence.bank;

import com.credence.shared.ProblemException;

/** The bank module's business rejections, each with its stable code. */
final class BankProblems {

  private BankProblems() {}

  static ProblemException of(int status, String code, String detail) {
    String key = "problem." + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return new ProblemException(status, code, detail, key);
  }

  static ProblemException invalidAmount(String detail) {
    return of(400, "INVALID_AMOUNT", detail);
  }

  static ProblemException cardNotFound() {
    return of(404, "CARD_NOT_FOUND", "No such card of yours");
  }

  static ProblemException kycRequired() {
    return of(403, "KYC_REQUIRED", "Verify your real name first");
  }

  static ProblemException keyReused() {
    return of(409, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for another request");
  }

  static ProblemException keyInvalid() {
    return of(
        400, "IDEMPOTENCY_KEY_REQUIRED", "The header Idempotency-Key (1-64 chars) is required");
  }

  static ProblemException dailyLimit() {
    return of(422, "DAILY_LIMIT_EXCEEDED", "The amount exceeds today's withdrawal limit");
  }

  static ProblemException insufficientFunds() {
    return of(422, "INSUFFICIENT_FUNDS", "The amount exceeds the available balance");
  }

  static ProblemException orderNotFound() {
    return of(404, "NOT_FOUND", "Order not found");
  }
}
