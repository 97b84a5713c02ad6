package com.credence.investment;

import com.credence.shared.Money;
import java.util.UUID;

/** One holding: an investor's part of one loan, with the repayment module's figures. */
public record HoldingView(
    UUID holdingId,
    UUID listingId,
    UUID loanId,
    String title,
    String grade,
    Money principal,
    Money outstandingPrincipal,
    Money receivedInterest,
    String status) {}
