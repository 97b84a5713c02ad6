package com.credence.investment;

import com.credence.shared.ProblemException;
import java.util.Locale;

/** The refusals of the investment module, with the codes of API.md. */
final class InvestmentProblems {

  private InvestmentProblems() {}

  static ProblemException of(int status, String code, String detail) {
    String key = "problem." + code.toLowerCase(Locale.ROOT).replace('_', '-');
    return new ProblemException(status, code, detail, key);
  }

  static ProblemException invalidAmount(String detail) {
    return of(400, "INVALID_AMOUNT", detail);
  }

  static ProblemException keyInvalid() {
    return of(
        400, "IDEMPOTENCY_KEY_REQUIRED", "The header Idempotency-Key (1-64 chars) is required");
  }

  static ProblemException keyReused() {
    return of(409, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for another request");
  }

  static ProblemException listingNotFound() {
    return of(404, "NOT_FOUND", "Listing not found");
  }

  static ProblemException belowMinimum(String minimum) {
    return of(422, "BELOW_MINIMUM", "The amount is below the minimum investment of " + minimum);
  }

  static ProblemException notStepMultiple(String step) {
    return of(422, "NOT_STEP_MULTIPLE", "The amount must be a multiple of " + step);
  }

  static ProblemException notOpen() {
    return of(409, "LISTING_NOT_OPEN", "The listing is not open for investing");
  }

  static ProblemException exceedsRemaining(String remaining) {
    return of(
        422,
        "AMOUNT_EXCEEDS_REMAINING",
        "Only " + remaining + " remains; ask for less or set takeRemaining");
  }

  static ProblemException insufficientFunds() {
    return of(422, "INSUFFICIENT_FUNDS", "The amount exceeds the available balance");
  }

  static ProblemException busy() {
    return of(503, "SERVICE_BUSY", "Too many bids at once; try again with the same key");
  }

  static ProblemException invalidRule(String detail) {
    return of(400, "VALIDATION_FAILED", detail);
  }
}
