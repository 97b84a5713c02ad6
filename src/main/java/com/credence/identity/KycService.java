package com.credence.identity;

import com.credence.identity.domain.Companies;
import com.credence.identity.domain.CreditCode;
import com.credence.identity.domain.IdentityRegistry;
import com.credence.identity.domain.RealNames;
import com.credence.identity.domain.ResidentIdNumber;
import com.credence.identity.domain.UserAccount;
import com.credence.identity.domain.Users;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Ids;
import com.credence.shared.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real-name verification (实名认证): check the name and ID number locally (format, region, birth date,
 * check digit, adult), then ask the identity provider. Also the company borrower's credit code and
 * legal representative.
 */
@Component
class KycService {

  private static final Logger log = LoggerFactory.getLogger(KycService.class);

  /**
   * Chinese names (with the middle dot of minority and foreign names) or Latin letters and spaces.
   */
  private static final Pattern NAME =
      Pattern.compile("[\\p{IsHan}·•]{2,20}|[A-Za-z][A-Za-z .'-]{1,59}");

  private final Users users;
  private final RealNames realNames;
  private final Companies companies;
  private final IdentityRegistry registry;
  private final IdentityProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  KycService(
      Users users,
      RealNames realNames,
      Companies companies,
      IdentityRegistry registry,
      IdentityProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.users = users;
    this.realNames = realNames;
    this.companies = companies;
    this.registry = registry;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  KycStatus verify(UUID userId, String realNameText, String idNumberText) {
    UserAccount user = users.findById(userId).orElseThrow(() -> ProblemException.notFound("User"));
    if (user.kycStatus() == KycStatus.VERIFIED) {
      throw IdentityProblems.of(409, "KYC_ALREADY_VERIFIED", "Your real name is verified already");
    }
    String realName = checkName(realNameText);
    ResidentIdNumber idNumber = checkAdult(idNumberText);
    Instant now = clock.instant();
    if (realNames.attemptsSince(userId, now.minus(Duration.ofDays(1)))
        >= properties.kyc().attemptsPerDay()) {
      throw IdentityProblems.rateLimited("real-name verification attempts today");
    }
    if (realNames.isIdNumberTaken(idNumber.value())) {
      throw IdentityProblems.of(
          409, "ID_NUMBER_ALREADY_USED", "This ID number is verified for another account");
    }
    IdentityRegistry.Answer answer = askRegistry(userId, realName, idNumber.value(), now);
    if (answer == IdentityRegistry.Answer.NO_MATCH) {
      transactions.executeWithoutResult(
          status -> {
            users.setKycStatus(userId, KycStatus.REJECTED);
            realNames.recordAttempt(Ids.newId(clock), userId, idNumber.value(), "REJECTED", now);
          });
      log.info("Real-name verification of user {} rejected for {}", userId, idNumber);
      return KycStatus.REJECTED;
    }
    try {
      transactions.executeWithoutResult(
          status -> {
            realNames.insertVerified(userId, realName, idNumber.value(), idNumber.birthDate(), now);
            users.setKycStatus(userId, KycStatus.VERIFIED);
            realNames.recordAttempt(Ids.newId(clock), userId, idNumber.value(), "VERIFIED", now);
          });
    } catch (RealNames.IdNumberTakenException e) {
      throw IdentityProblems.of(
          409, "ID_NUMBER_ALREADY_USED", "This ID number is verified for another account");
    }
    log.info("Real-name verification of user {} succeeded for {}", userId, idNumber);
    return KycStatus.VERIFIED;
  }

  /** Demo data: a verified identity without asking the provider. */
  void seedVerified(UUID userId, String realName, String idNumber) {
    ResidentIdNumber parsed = ResidentIdNumber.parse(idNumber, today());
    realNames.insertVerified(userId, realName, parsed.value(), parsed.birthDate(), clock.instant());
    users.setKycStatus(userId, KycStatus.VERIFIED);
  }

  CompanyView registerCompany(
      UUID userId, String companyName, String creditCodeText, String repName, String repId) {
    UserAccount user = users.findById(userId).orElseThrow(() -> ProblemException.notFound("User"));
    if (!user.roles().contains(Role.BORROWER)) {
      throw IdentityProblems.of(403, "FORBIDDEN", "Only borrowers register a company");
    }
    String name = companyName == null ? "" : companyName.trim();
    if (name.length() < 2 || name.length() > 200) {
      throw IdentityProblems.invalid("Enter the company's registered name");
    }
    String creditCode = CreditCode.normalize(creditCodeText);
    if (!CreditCode.isValid(creditCode)) {
      throw IdentityProblems.of(
          400,
          "CREDIT_CODE_INVALID",
          "The unified social credit code is not valid (18 characters with a GB 32100 check character)");
    }
    String legalRep = checkName(repName);
    ResidentIdNumber repIdNumber = checkAdult(repId);
    if (companies.find(userId).isPresent()) {
      throw IdentityProblems.of(
          409, "COMPANY_ALREADY_REGISTERED", "A company is registered for this account already");
    }
    if (askRegistry(userId, legalRep, repIdNumber.value(), clock.instant())
        == IdentityRegistry.Answer.NO_MATCH) {
      throw IdentityProblems.of(
          422,
          "KYC_REJECTED",
          "The identity provider says the legal representative's name and ID number do not belong together");
    }
    Companies.Company company =
        new Companies.Company(userId, name, creditCode, legalRep, repIdNumber.value());
    try {
      companies.insert(company, clock.instant());
    } catch (Companies.CreditCodeTakenException e) {
      throw IdentityProblems.of(
          409, "CREDIT_CODE_ALREADY_REGISTERED", "This credit code is registered already");
    }
    log.info("User {} registered company {}", userId, creditCode);
    return new CompanyView(
        userId, name, creditCode, com.credence.identity.domain.Masking.name(legalRep));
  }

  private IdentityRegistry.Answer askRegistry(
      UUID userId, String realName, String idNumber, Instant now) {
    try {
      return registry.verify(realName, idNumber);
    } catch (IdentityRegistry.UnavailableException e) {
      realNames.recordAttempt(Ids.newId(clock), userId, idNumber, "UNAVAILABLE", now);
      log.warn("Identity provider unavailable for user {}: {}", userId, e.getMessage());
      throw IdentityProblems.of(
          503,
          "IDENTITY_PROVIDER_UNAVAILABLE",
          "The identity verification service did not answer; nothing was changed, please try again later");
    }
  }

  private static String checkName(String text) {
    String name = text == null ? "" : text.trim();
    if (!NAME.matcher(name).matches()) {
      throw IdentityProblems.of(
          400, "REAL_NAME_INVALID", "Enter the name exactly as on the ID card");
    }
    return name;
  }

  private ResidentIdNumber checkAdult(String text) {
    LocalDate today = today();
    ResidentIdNumber idNumber;
    try {
      idNumber = ResidentIdNumber.parse(text, today);
    } catch (ResidentIdNumber.InvalidIdNumberException e) {
      throw IdentityProblems.of(
          400,
          "ID_NUMBER_INVALID",
          switch (e.problem()) {
            case FORMAT -> "The ID number must have 17 digits and a final digit or X";
            case REGION -> "The ID number starts with an unknown region code";
            case BIRTH_DATE -> "The birth date in the ID number is not a real date";
            case CHECK_DIGIT -> "The ID number's check digit is wrong; check for a typo";
          });
    }
    if (idNumber.ageOn(today) < properties.kyc().minimumAge()) {
      throw IdentityProblems.of(422, "NOT_ADULT", "Only adults (18 or older) may use the platform");
    }
    return idNumber;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), BusinessCalendar.ZONE);
  }
}
