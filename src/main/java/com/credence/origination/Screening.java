package com.credence.origination;

import com.credence.identity.IdentityService;
import com.credence.identity.PersonalIdentity;
import com.credence.origination.domain.ApplicationStatus;
import com.credence.origination.domain.IdNumbers;
import com.credence.origination.persistence.ApplicationRow;
import com.credence.origination.persistence.ApplicationStore;
import com.credence.risk.ApplicantProfile;
import com.credence.risk.AssessApplication;
import com.credence.risk.BorrowerType;
import com.credence.risk.BureauUnavailable;
import com.credence.risk.Decision;
import com.credence.risk.DuplicateSignals;
import com.credence.risk.LoanPurpose;
import com.credence.risk.RiskReport;
import com.credence.risk.RiskService;
import com.credence.risk.RuleHit;
import com.credence.risk.Vin;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automatic screening: registers a car's collateral, asks the risk engine, and sends the
 * application to review or refuses it. When the bureau is down or slow the application waits in
 * SCREENING and a scheduled job tries again later (never approved blind). The job is safe on
 * several nodes: it claims due applications with {@code FOR UPDATE SKIP LOCKED} and moves their
 * next attempt forward in the same statement, so no two nodes screen the same application at once.
 */
@Component
class Screening {

  private static final Logger log = LoggerFactory.getLogger(Screening.class);

  /** How long one screening attempt may hold an application before another may try. */
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final ApplicationStore applications;
  private final RiskService risk;
  private final IdentityService identity;
  private final OriginationProperties properties;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Clock clock;

  Screening(
      ApplicationStore applications,
      RiskService risk,
      IdentityService identity,
      OriginationProperties properties,
      TransactionTemplate tx,
      JsonMapper json,
      Clock clock) {
    this.applications = applications;
    this.risk = risk;
    this.identity = identity;
    this.properties = properties;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  /** The scheduled retry of applications waiting for the bureau. */
  @Scheduled(
      fixedDelayString = "${credence.origination.screening-retry-interval:30s}",
      initialDelayString = "${credence.origination.screening-retry-interval:30s}")
  void retryDueNow() {
    retryDue(clock.instant());
  }

  /** Screens the applications whose next attempt is due at {@code now}; returns how many. */
  int retryDue(Instant now) {
    List<UUID> due =
        tx.execute(s -> applications.claimDue(now, now.plus(LEASE), properties.screeningBatch()));
    if (due == null) {
      return 0;
    }
    due.forEach(this::screen);
    return due.size();
  }

  /** One screening attempt; returns the status the application has afterwards. */
  ApplicationStatus screen(UUID id) {
    Instant now = clock.instant();
    Optional<ApplicationStatus> claimed =
        tx.execute(
            s -> {
              Optional<ApplicationStatus> before =
                  applications.claimForScreening(id, now, now.plus(LEASE));
              if (before.isPresent() && before.get() == ApplicationStatus.SUBMITTED) {
                applications.addHistory(
                    Ids.newId(clock), id, ApplicationStatus.SCREENING, null, null, now);
              }
              return before;
            });
    ApplicationRow row = applications.find(id).orElseThrow();
    if (claimed == null || claimed.isEmpty()) {
      return row.status();
    }
    @Nullable String subject = subjectOf(row);
    if (subject == null) {
      return refuse(row, "KYC_REQUIRED");
    }
    try {
      if (row.vin() != null && !row.collateralPledged()) {
        Optional<ApplicationStatus> after = pledge(row, subject);
        if (after.isPresent()) {
          return after.get();
        }
      }
      RiskReport report = risk.assess(command(row, subject));
      return store(row, report);
    } catch (BureauUnavailable e) {
      return postpone(row);
    }
  }

  private Optional<ApplicationStatus> pledge(ApplicationRow row, String subject) {
    try {
      risk.pledgeCollateral(Vin.parse(row.vin()), row.id(), subject);
    } catch (BureauUnavailable e) {
      throw e;
    } catch (ProblemException e) {
      if (!"COLLATERAL_ALREADY_PLEDGED".equals(e.code())) {
        throw e;
      }
      return Optional.of(refuse(row, e.code()));
    }
    Integer marked = tx.execute(s -> applications.markPledged(row.id(), clock.instant()));
    if (marked == null || marked == 0) {
      // Cancelled while the pledge was being registered: give the vehicle back.
      risk.releaseCollateral(row.id());
      return Optional.of(applications.find(row.id()).orElseThrow().status());
    }
    return Optional.empty();
  }

  private ApplicationStatus postpone(ApplicationRow row) {
    Instant now = clock.instant();
    Duration wait = backoff(row.screeningAttempts() + 1);
    tx.executeWithoutResult(s -> applications.postpone(row.id(), now.plus(wait), now));
    log.info(
        "Bureau unavailable while screening application {} (attempt {}); next try in {}",
        row.id(),
        row.screeningAttempts() + 1,
        wait);
    return ApplicationStatus.SCREENING;
  }

  /** The wait after a failed attempt: the retry interval doubled per attempt, up to the maximum. */
  Duration backoff(int attempts) {
    Duration wait = properties.screeningRetryInterval();
    for (int i = 1; i < attempts && wait.compareTo(properties.screeningRetryMax()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.screeningRetryMax()) > 0
        ? properties.screeningRetryMax()
        : wait;
  }

  private ApplicationStatus refuse(ApplicationRow row, String code) {
    Instant now = clock.instant();
    Boolean refused =
        tx.execute(
            s -> {
              if (applications.refuseScreening(row.id(), code, now) == 0) {
                return false;
              }
              applications.addHistory(
                  Ids.newId(clock), row.id(), ApplicationStatus.REJECTED, code, null, now);
              return true;
            });
    if (Boolean.TRUE.equals(refused)) {
      risk.releaseCollateral(row.id());
      log.info("Application {} refused at screening: {}", row.id(), code);
    }
    return applications.find(row.id()).orElseThrow().status();
  }

  private ApplicationStatus store(ApplicationRow row, RiskReport report) {
    Instant now = clock.instant();
    boolean reject = report.decision() == Decision.REJECT;
    ApplicationStatus next = reject ? ApplicationStatus.REJECTED : ApplicationStatus.IN_REVIEW;
    String codes =
        report.rulesFired().stream()
            .filter(h -> h.outcome() == Decision.REJECT)
            .map(RuleHit::code)
            .collect(Collectors.joining(","));
    String stored = json.writeValueAsString(stored(report, row, now));
    Boolean moved =
        tx.execute(
            s -> {
              int n =
                  applications.screened(
                      row.id(),
                      next,
                      stored,
                      report.decision().name(),
                      report.grade().name(),
                      report.score(),
                      reject ? codes : null,
                      now);
              if (n == 0) {
                return false;
              }
              applications.addHistory(
                  Ids.newId(clock), row.id(), next, reject ? codes : null, null, now);
              return true;
            });
    if (Boolean.TRUE.equals(moved) && reject) {
      risk.releaseCollateral(row.id());
    }
    log.info(
        "Application {} screened: {} grade {} -> {}",
        row.id(),
        report.decision(),
        report.grade(),
        next);
    return applications.find(row.id()).orElseThrow().status();
  }

  private StoredRiskReport stored(RiskReport r, ApplicationRow row, Instant now) {
    return new StoredRiskReport(
        r.decision().name(),
        r.grade().name(),
        r.score(),
        r.probabilityOfDefault().toPlainString(),
        r.offeredRate() == null ? null : r.offeredRate().toApiString(),
        r.modelVersion(),
        r.rulesFired().stream()
            .map(h -> new StoredRiskReport.Rule(h.code(), h.outcome().name(), h.detail()))
            .toList(),
        r.reasons().stream()
            .map(
                c ->
                    new StoredRiskReport.Reason(
                        c.feature(), c.value(), c.pointsLost().toPlainString()))
            .toList(),
        new StoredRiskReport.Bureau(
            r.bureau().creditHistoryMonths(),
            r.bureau().overdueRecords(),
            r.bureau().currentlyOverdue(),
            r.bureau().otherPlatformLoans(),
            r.bureau().outstandingOtherPlatforms().toApiString(),
            r.bureau().lawsuits(),
            r.bureau().pledgedVins().size()),
        row.vin() == null ? "NOT_APPLICABLE" : "PLEDGED_HERE",
        now);
  }

  /** The ID number (person) or credit code (company) the bureau keys; null without real name. */
  @Nullable String subjectOf(ApplicationRow row) {
    if (row.creditCode() != null) {
      return row.creditCode();
    }
    return identity.personalIdentity(row.borrowerId()).map(PersonalIdentity::idNumber).orElse(null);
  }

  private AssessApplication command(ApplicationRow row, String subject) {
    boolean company = row.creditCode() != null;
    @Nullable LocalDate birth = company ? null : IdNumbers.birthDate(subject).orElse(null);
    Money outstanding = Money.cny(applications.outstandingOf(row.borrowerId(), row.id()));
    return new AssessApplication(
        company ? BorrowerType.COMPANY : BorrowerType.PERSON,
        subject,
        birth,
        Money.cny(row.amountMinor()),
        row.termMonths(),
        LoanPurpose.valueOf(row.purpose()),
        Money.cny(row.monthlyIncomeMinor()),
        Money.cny(row.monthlyDebtMinor()),
        outstanding,
        new ApplicantProfile(
            ApplicantProfile.CheckingAccount.valueOf(row.checkingAccount()),
            row.savingsMinor() == null ? null : Money.cny(row.savingsMinor()),
            row.employmentMonths(),
            ApplicantProfile.Housing.valueOf(row.housing()),
            ApplicantProfile.Job.valueOf(row.job()),
            ApplicantProfile.PropertyOwned.valueOf(row.property()),
            ApplicantProfile.OtherParty.valueOf(row.otherParty())),
        duplicates(row));
  }

  private DuplicateSignals duplicates(ApplicationRow row) {
    int address =
        row.addressHash() == null
            ? 0
            : applications.otherBorrowersWithAddress(row.addressHash(), row.borrowerId());
    int device =
        row.deviceHash() == null
            ? 0
            : applications.otherBorrowersWithDevice(row.deviceHash(), row.borrowerId());
    return new DuplicateSignals(0, 0, device, address);
  }
}
