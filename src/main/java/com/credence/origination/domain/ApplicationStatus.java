package com.credence.origination.domain;

/** Where an application stands (API.md "Borrowing"). */
public enum ApplicationStatus {
  /** Received; screening has not run yet. */
  SUBMITTED,
  /** Waiting for the credit bureau (it was down or slow); retried by a scheduled job. */
  SCREENING,
  /** Screened without a hard refusal: waits for two risk officers. */
  IN_REVIEW,
  /** Approved by two different risk officers; the listing is being opened. */
  APPROVED,
  /** Refused by a rule or by a risk officer. */
  REJECTED,
  /** Open for investing as a listing. */
  LISTED,
  /** Withdrawn by the borrower before approval. */
  CANCELLED;

  /** The borrower may still cancel, and upload documents. */
  public boolean isOpen() {
    return this == SUBMITTED || this == SCREENING || this == IN_REVIEW;
  }
}
