package com.credence.origination;

import com.credence.identity.IdentityService;
import com.credence.identity.PersonalIdentity;
import com.credence.origination.domain.ApplicationStatus;
import com.credence.origination.persistence.ApplicationRow;
import com.credence.origination.persistence.ApplicationStore;
import com.credence.risk.BorrowerType;
import com.credence.risk.RiskService;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the investment module tells origination about an approved application once it is listed. */
@Service
public class ApprovedLoans {

  private static final Logger log = LoggerFactory.getLogger(ApprovedLoans.class);

  private final ApplicationStore applications;
  private final RiskService risk;
  private final IdentityService identity;
  private final Clock clock;

  ApprovedLoans(
      ApplicationStore applications, RiskService risk, IdentityService identity, Clock clock) {
    this.applications = applications;
    this.risk = risk;
    this.identity = identity;
    this.clock = clock;
  }

  /** The application's listing is open (status LISTED, with its listing id). Idempotent. */
  @Transactional
  public void markListed(UUID applicationId, UUID listingId) {
    java.util.Optional<ApplicationRow> found = applications.findForUpdate(applicationId);
    if (found.isEmpty()) {
      // Every LoanApproved comes from here; a listing for an application that does not exist
      // here is not ours to refuse, and failing would roll the listing back for nothing.
      log.warn("Listing {} names application {}, unknown here", listingId, applicationId);
      return;
    }
    ApplicationRow row = found.get();
    if (row.status() == ApplicationStatus.LISTED) {
      if (!listingId.equals(row.listingId())) {
        throw new IllegalStateException(
            "Application " + applicationId + " is listed already as " + row.listingId());
      }
      return;
    }
    if (row.status() != ApplicationStatus.APPROVED) {
      throw new IllegalStateException(
          "Application " + applicationId + " is " + row.status() + ", not APPROVED");
    }
    Instant now = clock.instant();
    applications.markListed(applicationId, listingId, now);
    applications.addHistory(
        Ids.newId(clock), applicationId, ApplicationStatus.LISTED, null, null, now);
  }

  /**
   * Checks the borrower's borrowing caps again when the listing fills (REGULATION.md).
   *
   * @param outstandingOnPlatform the borrower's outstanding principal on the platform, this loan
   *     excluded
   * @throws com.credence.shared.ProblemException 422 {@code BORROWING_CAP_EXCEEDED}
   */
  public void checkBorrowingCapsAgain(UUID applicationId, Money outstandingOnPlatform) {
    java.util.Optional<ApplicationRow> found = applications.find(applicationId);
    if (found.isEmpty()) {
      log.warn(
          "Caps check asked for application {}, unknown here: nothing to check", applicationId);
      return;
    }
    ApplicationRow row = found.get();
    boolean company = row.creditCode() != null;
    String subject =
        company
            ? row.creditCode()
            : identity
                .personalIdentity(row.borrowerId())
                .map(PersonalIdentity::idNumber)
                .orElseThrow(() -> new IllegalStateException("Borrower without real name"));
    risk.checkBorrowingCaps(
        company ? BorrowerType.COMPANY : BorrowerType.PERSON,
        subject,
        Money.cny(row.amountMinor()),
        outstandingOnPlatform);
  }
}
