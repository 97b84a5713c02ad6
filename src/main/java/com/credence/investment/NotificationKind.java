package com.credence.investment;

/** What a notification reports (see docs/modules/investment.md "Notifications"). */
public enum NotificationKind {
  /** The listing was funded and the loan disbursed: investors' money is invested. */
  LISTING_FUNDED,
  /** The listing failed (流标): every freeze voided, the money is back. */
  LISTING_FAILED,
  /** A partial loan is offered to the borrower; the investors' money stays frozen meanwhile. */
  OFFER_MADE,
  /** The borrower accepted the partial loan: disbursed for what was raised. */
  OFFER_ACCEPTED,
  /** The borrower declined the partial loan: the listing failed. */
  OFFER_DECLINED,
  /** The borrower did not answer within the window: the listing failed. */
  OFFER_EXPIRED
}
