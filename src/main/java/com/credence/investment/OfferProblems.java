package com.credence.investment;

import com.credence.shared.ProblemException;

/** The refusals of the borrower's answer to a partial loan offer (docs/api-errors.md). */
final class OfferProblems {

  private OfferProblems() {}

  /** No such offer, or not the user's: the same answer, so nobody learns of others' offers. */
  static ProblemException notFound() {
    return InvestmentProblems.of(404, "NOT_FOUND", "Offer not found");
  }

  static ProblemException expired() {
    return InvestmentProblems.of(
        409, "OFFER_EXPIRED", "The offer window has ended; the listing fails");
  }

  static ProblemException decided() {
    return InvestmentProblems.of(409, "OFFER_ALREADY_DECIDED", "The offer was answered already");
  }

  static ProblemException capsExceeded() {
    return InvestmentProblems.of(
        422,
        "BORROWING_CAP_EXCEEDED",
        "Taking this loan would exceed the borrowing caps; the offer may only be declined");
  }
}
