package com.credence.origination;

import com.credence.shared.Money;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What the investment module tells origination about an approved application once it is listed. */
@Service
public class ApprovedLoans {

  /** The application's listing is open (status LISTED, with its listing id). Idempotent. */
  public void markListed(UUID applicationId, UUID listingId) {
    // filled in by the origination work
  }

  /**
   * Checks the borrower's borrowing caps again when the listing fills (REGULATION.md).
   *
   * @param outstandingOnPlatform the borrower's outstanding principal on the platform, this loan
   *     excluded
   * @throws com.credence.shared.ProblemException 422 {@code BORROWING_CAP_EXCEEDED}
   */
  public void checkBorrowingCapsAgain(UUID applicationId, Money outstandingOnPlatform) {
    // filled in by the origination work
  }
}
