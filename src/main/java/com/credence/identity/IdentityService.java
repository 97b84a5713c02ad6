package com.credence.identity;

import com.credence.identity.domain.Base32;
import com.credence.identity.domain.Companies;
import com.credence.identity.domain.Masking;
import com.credence.identity.domain.PasswordPolicy;
import com.credence.identity.domain.PhoneNumbers;
import com.credence.identity.domain.RealNames;
import com.credence.identity.domain.RiskAssessments;
import com.credence.identity.domain.Totp;
import com.credence.identity.domain.UserAccount;
import com.credence.identity.domain.Users;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The identity module's facade: registration, sign-in and tokens, password reset, the second
 * factor, real-name verification, the risk questionnaire and suitability, staff accounts. Every
 * rejection is a {@link ProblemException} with a stable code; bad input changes nothing.
 */
@Service
public class IdentityService {

  private static final Logger log = LoggerFactory.getLogger(IdentityService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ISSUER = "Credence";

  private final Users users;
  private final RealNames realNames;
  private final Companies companies;
  private final SmsCodeService smsCodes;
  private final LoginService logins;
  private final KycService kyc;
  private final RiskProfileService riskProfiles;
  private final PasswordEncoder passwords;
  private final RateLimits rateLimits;
  private final Clock clock;

  IdentityService(
      Users users,
      RealNames realNames,
      Companies companies,
      SmsCodeService smsCodes,
      LoginService logins,
      KycService kyc,
      RiskProfileService riskProfiles,
      PasswordEncoder passwords,
      RateLimits rateLimits,
      Clock clock) {
    this.users = users;
    this.realNames = realNames;
    this.companies = companies;
    this.smsCodes = smsCodes;
    this.logins = logins;
    this.kyc = kyc;
    this.riskProfiles = riskProfiles;
    this.passwords = passwords;
    this.rateLimits = rateLimits;
    this.clock = clock;
  }

  // ---- registration and SMS codes

  /**
   * Sends an SMS code (202 even for unknown phones, except that registration refuses a known one).
   */
  public void requestSmsCode(String phoneText, SmsPurpose purpose, String clientAddress) {
    smsCodes.request(phone(phoneText), purpose, clientAddress);
  }

  /** Registers an investor or borrower; returns the new user's id. */
  public UUID register(
      String phoneText, String smsCode, String password, Role role, String clientAddress) {
    String phone = phone(phoneText);
    if (!Role.SELF_SERVICE.contains(role)) {
      throw IdentityProblems.invalid("Choose the role INVESTOR or BORROWER");
    }
    checkPassword(password, phone);
    if (!rateLimits.tryRegistrationFromAddress(clientAddress)) {
      throw IdentityProblems.rateLimited("registrations from this address");
    }
    if (users.existsByPhone(phone)) {
      throw IdentityProblems.phoneTaken();
    }
    String hash = passwords.encode(password);
    smsCodes.verifyAndConsume(phone, SmsPurpose.REGISTER, smsCode);
    UUID id = Ids.newId(clock);
    try {
      users.insert(id, phone, EnumSet.of(role), hash, clock.instant());
    } catch (Users.DuplicatePhoneException e) {
      throw IdentityProblems.phoneTaken();
    }
    log.info("Registered user {} ({}) as {}", id, Masking.phone(phone), role);
    return id;
  }

  /** Sets a new password with a RESET_PASSWORD code; lifts a lock and revokes every token. */
  public void resetPassword(String phoneText, String smsCode, String newPassword) {
    String phone = phone(phoneText);
    checkPassword(newPassword, phone);
    UserAccount user =
        users
            .findByPhone(phone)
            .orElseThrow(
                () ->
                    IdentityProblems.smsCodeInvalid("The SMS code is wrong; request a code first"));
    smsCodes.verifyAndConsume(phone, SmsPurpose.RESET_PASSWORD, smsCode);
    users.changePassword(user.id(), passwords.encode(newPassword));
    int revoked = logins.revokeAll(user.id());
    log.info(
        "User {} ({}) reset the password; {} token(s) revoked",
        user.id(),
        Masking.phone(phone),
        revoked);
  }

  // ---- sign-in

  /**
   * Issues a bearer token for a phone with a password (or a LOGIN SMS code) and, when on, a TOTP
   * code.
   */
  public IssuedToken issueToken(
      String phone,
      @Nullable String password,
      @Nullable String smsCode,
      @Nullable String totp,
      String clientAddress) {
    return logins.issueToken(logins.authenticate(phone, password, smsCode, totp, clientAddress));
  }

  /** The page session's principal for the same checks as {@link #issueToken}. */
  public SessionUser signIn(
      String phone, String password, @Nullable String totp, String clientAddress) {
    UserAccount user = logins.authenticate(phone, password, null, totp, clientAddress);
    return new SessionUser(user.id(), roleNames(user.roles()), Masking.phone(user.phone()));
  }

  /** Revokes a token; true when it was live. */
  public boolean revokeToken(String token) {
    return logins.revoke(token);
  }

  /** True for a staff account that has not turned the second factor on yet. */
  public boolean secondFactorRequired(UUID userId) {
    return users.findById(userId).map(u -> u.isStaff() && !u.totpEnabled()).orElse(false);
  }

  // ---- second factor

  public TotpEnrolment startTotpEnrolment(UUID userId) {
    UserAccount user = user(userId);
    if (user.totpEnabled()) {
      throw IdentityProblems.of(409, "TOTP_ALREADY_ENABLED", "The second factor is on already");
    }
    byte[] secret = new byte[Totp.SECRET_BYTES];
    RANDOM.nextBytes(secret);
    users.storePendingTotpSecret(userId, secret);
    String base32 = Base32.encode(secret);
    return new TotpEnrolment(base32, Totp.otpauthUri(ISSUER, Masking.phone(user.phone()), base32));
  }

  public void confirmTotp(UUID userId, String code) {
    UserAccount user = user(userId);
    if (user.totpEnabled()) {
      throw IdentityProblems.of(409, "TOTP_ALREADY_ENABLED", "The second factor is on already");
    }
    if (user.pendingTotpSecret() == null) {
      throw IdentityProblems.of(409, "TOTP_NOT_STARTED", "Start the enrolment first");
    }
    OptionalLong step =
        Totp.verify(user.pendingTotpSecret(), code == null ? "" : code.trim(), clock.instant(), 0);
    if (step.isEmpty()) {
      throw IdentityProblems.of(
          400, "TOTP_INVALID", "The authenticator code is wrong; check the phone's clock");
    }
    if (!users.enableTotp(userId, step.getAsLong())) {
      throw IdentityProblems.of(409, "TOTP_NOT_STARTED", "Start the enrolment first");
    }
    log.info("User {} turned on the second factor", userId);
  }

  // ---- staff

  /** Creates a RISK_OFFICER, OPERATOR or AUDITOR (the caller must be an admin). */
  public UUID createStaff(String phoneText, String password, Role role) {
    if (!Role.STAFF_CREATED_BY_ADMIN.contains(role)) {
      throw IdentityProblems.invalid("Choose the role RISK_OFFICER, OPERATOR or AUDITOR");
    }
    String phone = phone(phoneText);
    checkPassword(password, phone);
    UUID id = Ids.newId(clock);
    try {
      users.insert(id, phone, EnumSet.of(role), passwords.encode(password), clock.instant());
    } catch (Users.DuplicatePhoneException e) {
      throw IdentityProblems.phoneTaken();
    }
    log.info("Created staff user {} ({}) as {}", id, Masking.phone(phone), role);
    return id;
  }

  /** Creates the first admin unless the phone is registered already; false when it was. */
  boolean bootstrapAdmin(String phoneText, String password) {
    String phone =
        PhoneNumbers.normalize(phoneText)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "credence.admin.phone is not a mainland mobile number"));
    if (!PasswordPolicy.check(password, phone).isEmpty()) {
      throw new IllegalStateException(
          "credence.admin.password breaks the password policy: "
              + PasswordPolicy.check(password, phone));
    }
    if (users.existsByPhone(phone)) {
      return false;
    }
    UUID id = Ids.newId(clock);
    try {
      users.insert(id, phone, EnumSet.of(Role.ADMIN), passwords.encode(password), clock.instant());
    } catch (Users.DuplicatePhoneException e) {
      return false;
    }
    log.info("Created the admin user {} ({})", id, Masking.phone(phone));
    return true;
  }

  /** Demo data and tests of other modules: a user without SMS code. */
  UUID createUserDirectly(String phoneText, String password, Set<Role> roles) {
    String phone = phone(phoneText);
    checkPassword(password, phone);
    UUID id = Ids.newId(clock);
    users.insert(id, phone, roles, passwords.encode(password), clock.instant());
    return id;
  }

  /** Lets an investor also borrow, or a borrower also lend; returns the user's roles. */
  public Set<Role> addSelfServiceRole(UUID userId, Role role) {
    if (!Role.SELF_SERVICE.contains(role)) {
      throw IdentityProblems.invalid("Choose the role INVESTOR or BORROWER");
    }
    UserAccount user = user(userId);
    if (user.isStaff()) {
      throw IdentityProblems.of(403, "FORBIDDEN", "Staff accounts do not invest or borrow");
    }
    users.addRole(userId, role);
    logins.forget(userId);
    log.info("User {} now also holds the role {}", userId, role);
    return user(userId).roles();
  }

  // ---- real name, company, questionnaire

  public KycStatus verifyIdentity(UUID userId, String realName, String idNumber) {
    return kyc.verify(userId, realName, idNumber);
  }

  public CompanyView registerCompany(
      UUID userId,
      String companyName,
      String creditCode,
      String legalRepName,
      String legalRepIdNumber) {
    return kyc.registerCompany(userId, companyName, creditCode, legalRepName, legalRepIdNumber);
  }

  public Optional<CompanyView> company(UUID userId) {
    return companies
        .find(userId)
        .map(
            c ->
                new CompanyView(
                    c.userId(), c.companyName(), c.creditCode(), Masking.name(c.legalRepName())));
  }

  void seedVerifiedIdentity(UUID userId, String realName, String idNumber) {
    kyc.seedVerified(userId, realName, idNumber);
  }

  /** The questionnaire in the given language (Chinese unless English). */
  public List<QuestionView> riskQuestions(Locale locale) {
    return riskProfiles.questions(locale);
  }

  public RiskAssessmentResult submitRiskAssessment(UUID userId, List<Integer> answers) {
    return riskProfiles.submit(userId, answers);
  }

  /**
   * Whether an investor may hold {@code amountAfter} in total (this investment included) of loans
   * of {@code grade}: real name verified, a valid questionnaire whose level allows the grade and
   * the amount.
   */
  public Suitability checkSuitability(UUID userId, String grade, Money amountAfter) {
    return riskProfiles.check(userId, grade, amountAfter);
  }

  // ---- views

  public Optional<UserView> findUser(UUID userId) {
    return users
        .findById(userId)
        .map(
            user -> {
              Optional<RiskAssessments.Assessment> risk = riskProfiles.current(userId);
              String maskedName =
                  realNames.find(userId).map(r -> Masking.name(r.realName())).orElse(null);
              return new UserView(
                  user.id(),
                  Masking.phone(user.phone()),
                  user.roles(),
                  user.kycStatus(),
                  maskedName,
                  risk.map(RiskAssessments.Assessment::level).orElse(null),
                  risk.map(RiskAssessments.Assessment::validUntil).orElse(null),
                  user.totpEnabled(),
                  companies.find(userId).isPresent());
            });
  }

  public boolean isKycVerified(UUID userId) {
    return users.findById(userId).map(u -> u.kycStatus() == KycStatus.VERIFIED).orElse(false);
  }

  /** The verified identity in clear, for the custodian bank's account opening only. */
  public Optional<PersonalIdentity> personalIdentity(UUID userId) {
    return users
        .findById(userId)
        .flatMap(
            user ->
                realNames
                    .find(userId)
                    .map(
                        r ->
                            new PersonalIdentity(
                                userId, r.realName(), r.idNumber(), user.phone())));
  }

  /** Checks and uses an SMS code of the user's own phone, e.g. for a withdrawal. */
  public void verifySmsCode(UUID userId, SmsPurpose purpose, String code) {
    smsCodes.verifyAndConsume(user(userId).phone(), purpose, code);
  }

  private UserAccount user(UUID userId) {
    return users.findById(userId).orElseThrow(() -> ProblemException.notFound("User"));
  }

  private static String phone(String text) {
    return PhoneNumbers.normalize(text).orElseThrow(IdentityProblems::invalidPhone);
  }

  private static void checkPassword(String password, String phone) {
    List<PasswordPolicy.Violation> violations = PasswordPolicy.check(password, phone);
    if (!violations.isEmpty()) {
      throw IdentityProblems.weakPassword(
          "The password is too weak: use 8 to 64 characters with letters and "
              + "digits, not a common password and not the mobile number ("
              + violations
              + ")");
    }
  }

  static Set<String> roleNames(Set<Role> roles) {
    return roles.stream().map(Role::name).collect(Collectors.toSet());
  }
}
