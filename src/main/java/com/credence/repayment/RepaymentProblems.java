package com.credence.repayment;

import com.credence.shared.ProblemException;
import java.util.Locale;

/** The repayment module's business rejections, each with its stable code. */
final class RepaymentProblems {

  private RepaymentProblems() {}

  static ProblemException of(int status, String code, String detail) {
    String key = "problem.repayment." + code.toLowerCase(Locale.ROOT).replace('_', '-');
    return new ProblemException(status, code, detail, key);
  }

  static ProblemException loanNotFound() {
    return of(404, "NOT_FOUND", "Loan not found");
  }

  static ProblemException holdingNotFound() {
    return of(404, "NOT_FOUND", "Holding not found");
  }

  static ProblemException invalidAmount() {
    return of(400, "INVALID_AMOUNT", "The amount must be positive yuan with at most two decimals");
  }

  static ProblemException settled() {
    return of(409, "LOAN_SETTLED", "The loan is settled: nothing is due");
  }

  static ProblemException exceedsOutstanding(String payoff) {
    return of(
        422,
        "AMOUNT_EXCEEDS_OUTSTANDING",
        "The amount exceeds what settles the loan today (" + payoff + ")");
  }

  static ProblemException keyReused() {
    return of(409, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for another request");
  }

  static ProblemException keyInvalid() {
    return of(
        400, "IDEMPOTENCY_KEY_REQUIRED", "The header Idempotency-Key (1-64 chars) is required");
  }
}
