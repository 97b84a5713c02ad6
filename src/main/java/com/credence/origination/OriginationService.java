package com.credence.origination;

import com.credence.identity.CompanyView;
import com.credence.identity.IdentityService;
import com.credence.identity.PersonalIdentity;
import com.credence.identity.Role;
import com.credence.identity.UserView;
import com.credence.origination.domain.ApplicationStatus;
import com.credence.origination.domain.CreditCodes;
import com.credence.origination.domain.DocumentTypes;
import com.credence.origination.domain.FieldError;
import com.credence.origination.domain.LoanProduct;
import com.credence.origination.domain.Masks;
import com.credence.origination.persistence.ApplicationRow;
import com.credence.origination.persistence.ApplicationStore;
import com.credence.origination.persistence.DocumentStore;
import com.credence.origination.persistence.ProductStore;
import com.credence.risk.ApplicantProfile;
import com.credence.risk.BureauUnavailable;
import com.credence.risk.LoanPurpose;
import com.credence.risk.RiskService;
import com.credence.risk.Vin;
import com.credence.shared.AnnualRate;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The origination module's facade: loan products, applications (submit, read, cancel), their
 * documents, and the risk officers' review queue. Approvals go through {@link ReviewService}.
 */
@Service
public class OriginationService {

  private static final Logger log = LoggerFactory.getLogger(OriginationService.class);

  /** Purposes a borrower may choose; the refused ones are still accepted and refused by risk. */
  public static final List<LoanPurpose> FORM_PURPOSES =
      Arrays.stream(LoanPurpose.values())
          .filter(
              p ->
                  p != LoanPurpose.STOCKS
                      && p != LoanPurpose.FUTURES
                      && p != LoanPurpose.DERIVATIVES
                      && p != LoanPurpose.MARGIN_TRADING)
          .toList();

  /** The kinds of document a borrower may upload. */
  public static final List<String> DOCUMENT_KINDS =
      List.of(
          "ID_CARD",
          "INCOME_PROOF",
          "BANK_STATEMENT",
          "VEHICLE_REGISTRATION",
          "BUSINESS_LICENCE",
          "OTHER");

  private final ApplicationStore applications;
  private final DocumentStore documents;
  private final ProductStore products;
  private final Screening screening;
  private final RiskService risk;
  private final IdentityService identity;
  private final OriginationProperties properties;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Clock clock;

  OriginationService(
      ApplicationStore applications,
      DocumentStore documents,
      ProductStore products,
      Screening screening,
      RiskService risk,
      IdentityService identity,
      OriginationProperties properties,
      TransactionTemplate tx,
      JsonMapper json,
      Clock clock) {
    this.applications = applications;
    this.documents = documents;
    this.products = products;
    this.screening = screening;
    this.risk = risk;
    this.identity = identity;
    this.properties = properties;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  // ---- products

  public List<LoanProduct> products() {
    return products.all();
  }

  public LoanProduct product(ProductType type) {
    return products.find(type.name()).orElseThrow(() -> ProblemException.notFound("Product"));
  }

  /** Changes a product's settings (staff), audited with the values before and after. */
  public LoanProduct updateProduct(UUID staffId, LoanProduct changed) {
    List<FieldError> errors = changed.validate();
    if (!errors.isEmpty()) {
      throw new ApplicationInvalid(errors);
    }
    Instant now = clock.instant();
    tx.executeWithoutResult(
        s -> {
          LoanProduct before =
              products.find(changed.type()).orElseThrow(() -> ProblemException.notFound("Product"));
          products.update(changed, staffId, now);
          products.audit(
              Ids.newId(clock),
              changed.type(),
              staffId,
              now,
              json.writeValueAsString(ProductJson.of(before)),
              json.writeValueAsString(ProductJson.of(changed)));
        });
    ProductType type = ProductType.valueOf(changed.type());
    log.info("Staff user {} changed the loan product {}", staffId, type);
    return product(type);
  }

  public List<ProductStore.Change> productChanges(int limit) {
    return products.changes(limit);
  }

  /** A product's settings as plain JSON values, for the audit trail and the API. */
  public record ProductJson(
      String product,
      String minAmount,
      String maxAmount,
      List<Integer> termsMonths,
      List<RepaymentMethod> repaymentMethods,
      int upfrontFeeBps,
      int monthlyFeeBps,
      int investorServiceFeeBps,
      int fundingPeriodDays,
      boolean partialFundingAllowed,
      String minInvestment,
      String investmentStep,
      boolean enabled) {

    public ProductJson {
      termsMonths = List.copyOf(termsMonths);
      repaymentMethods = List.copyOf(repaymentMethods);
    }

    public static ProductJson of(LoanProduct p) {
      return new ProductJson(
          p.type(),
          p.minAmount().toApiString(),
          p.maxAmount().toApiString(),
          p.termsMonths(),
          p.repaymentMethods(),
          p.upfrontFeeBps(),
          p.monthlyFeeBps(),
          p.investorServiceFeeBps(),
          p.fundingPeriodDays(),
          p.partialFundingAllowed(),
          p.minInvestment().toApiString(),
          p.investmentStep().toApiString(),
          p.enabled());
    }
  }

  // ---- applications

  /**
   * Submits an application and screens it at once. A car's VIN is registered in the collateral
   * registry before anything is stored, so of two applications racing for one vehicle exactly one
   * is created. When the bureau does not answer, the application waits in SCREENING.
   *
   * @param deviceId the client's device id (header {@code X-Device-Id}), for duplicate checks
   * @throws ApplicationInvalid 400 with every invalid field
   * @throws ProblemException 403 {@code FORBIDDEN} for non-borrowers, 422 {@code KYC_REQUIRED}
   *     without real name, 422 {@code COLLATERAL_ALREADY_PLEDGED}
   */
  public ApplicationView submit(UUID userId, ApplicationForm form, @Nullable String deviceId) {
    UserView user = identity.findUser(userId).orElseThrow(() -> forbidden());
    if (!user.roles().contains(Role.BORROWER)) {
      throw forbidden();
    }
    if (!identity.isKycVerified(userId)) {
      throw new ProblemException(
          422, "KYC_REQUIRED", "Verify your real name before applying", "problem.kyc-required");
    }
    Parsed parsed = parse(userId, form);
    UUID id = Ids.newId(clock);
    boolean pledged = false;
    if (parsed.vin() != null) {
      pledged = pledgeAtSubmission(parsed.vin(), id, userId);
    }
    Instant now = clock.instant();
    ApplicationRow row = parsed.row(id, userId, deviceHash(deviceId), pledged, now, properties);
    boolean stored = false;
    try {
      tx.executeWithoutResult(
          s -> {
            applications.insert(row);
            applications.addHistory(
                Ids.newId(clock), id, ApplicationStatus.SUBMITTED, null, userId, now);
          });
      stored = true;
    } finally {
      if (!stored && pledged) {
        // The application was not stored: give the vehicle back.
        risk.releaseCollateral(id);
      }
    }
    log.info(
        "Application {} submitted ({}, {})",
        id,
        ProductType.valueOf(row.product()),
        Money.cny(row.amountMinor()));
    screening.screen(id);
    return view(applications.find(id).orElseThrow(), false);
  }

  private boolean pledgeAtSubmission(Vin vin, UUID id, UUID userId) {
    String owner =
        identity.personalIdentity(userId).map(PersonalIdentity::idNumber).orElse(userId.toString());
    try {
      risk.pledgeCollateral(vin, id, owner);
      return true;
    } catch (BureauUnavailable e) {
      // Registered when the screening is retried; the application waits in SCREENING.
      return false;
    }
  }

  /** The application of its borrower, or of anyone for staff (with the risk report). */
  public ApplicationView application(UUID viewerId, Set<String> roles, UUID id) {
    boolean staff = isStaff(roles);
    ApplicationRow row =
        applications
            .find(id)
            .filter(a -> staff || a.borrowerId().equals(viewerId))
            .orElseThrow(() -> ProblemException.notFound("Application"));
    return view(row, staff);
  }

  public List<ApplicationView.Step> timeline(UUID applicationId) {
    return applications.history(applicationId).stream()
        .map(h -> new ApplicationView.Step(h.status(), h.note(), h.at()))
        .toList();
  }

  public List<ApplicationView.ReviewDecision> decisions(UUID applicationId) {
    return applications.decisions(applicationId).stream()
        .map(
            d ->
                new ApplicationView.ReviewDecision(
                    d.officerId(),
                    d.decision(),
                    d.comment(),
                    d.rateBps() == null ? null : AnnualRate.ofBps(d.rateBps()),
                    d.at()))
        .toList();
  }

  /** A page of the borrower's own applications, newest first. */
  public Page<ApplicationView> myApplications(UUID borrowerId, int page, int size) {
    int s = clampSize(size);
    int p = Math.max(page, 0);
    return new Page<>(
        applications.byBorrower(borrowerId, s, (long) p * s).stream()
            .map(a -> view(a, false))
            .toList(),
        p,
        s,
        applications.countByBorrower(borrowerId));
  }

  /** The review queue: applications in a status, oldest first (staff). */
  public Page<ApplicationView> queue(ApplicationStatus status, int page, int size) {
    int s = clampSize(size);
    int p = Math.max(page, 0);
    return new Page<>(
        applications.byStatus(status, s, (long) p * s).stream().map(a -> view(a, false)).toList(),
        p,
        s,
        applications.countByStatus(status));
  }

  /** A page of items. */
  public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
      items = List.copyOf(items);
    }
  }

  /**
   * Cancels the borrower's application while it is not approved; releases its collateral.
   *
   * @throws ProblemException 404 for others' applications, 409 {@code APPLICATION_NOT_CANCELLABLE}
   */
  public ApplicationView cancel(UUID borrowerId, UUID id) {
    Instant now = clock.instant();
    ApplicationRow row =
        applications
            .find(id)
            .filter(a -> a.borrowerId().equals(borrowerId))
            .orElseThrow(() -> ProblemException.notFound("Application"));
    Integer n =
        tx.execute(
            s -> {
              int changed = applications.cancel(id, borrowerId, now);
              if (changed > 0) {
                applications.addHistory(
                    Ids.newId(clock), id, ApplicationStatus.CANCELLED, null, borrowerId, now);
                risk.releaseCollateral(id);
              }
              return changed;
            });
    if (n == null || n == 0) {
      throw new ProblemException(
          409,
          "APPLICATION_NOT_CANCELLABLE",
          "Only an application that is not yet approved or refused can be cancelled; it is "
              + row.status(),
          "origination.problem.not-cancellable");
    }
    log.info("Application {} cancelled by its borrower", id);
    return view(applications.find(id).orElseThrow(), false);
  }

  // ---- documents

  /**
   * Stores a document of the borrower's open application. The type is recognized from the bytes
   * (PDF, JPEG, PNG), never from the name.
   */
  public ApplicationView.Document uploadDocument(
      UUID borrowerId, UUID applicationId, String kind, String fileName, byte[] content) {
    ApplicationRow row =
        applications
            .find(applicationId)
            .filter(a -> a.borrowerId().equals(borrowerId))
            .orElseThrow(() -> ProblemException.notFound("Application"));
    if (!DOCUMENT_KINDS.contains(kind)) {
      throw new ApplicationInvalid(
          List.of(
              new FieldError(
                  "kind", "origination.error.choice", "kind must be one of " + DOCUMENT_KINDS)));
    }
    if (!row.status().isOpen()) {
      throw new ProblemException(
          409,
          "APPLICATION_CLOSED",
          "Documents can be added only while the application is being reviewed",
          "origination.problem.application-closed");
    }
    if (content.length == 0) {
      throw new ProblemException(
          400, "DOCUMENT_EMPTY", "The file is empty", "origination.problem.document-empty");
    }
    if (content.length > properties.documentMaxSize().toBytes()) {
      throw new ProblemException(
          413,
          "DOCUMENT_TOO_LARGE",
          "A document may be at most " + properties.documentMaxSize().toMegabytes() + " MB",
          "origination.problem.document-too-large");
    }
    String type =
        DocumentTypes.detect(content)
            .orElseThrow(
                () ->
                    new ProblemException(
                        415,
                        "DOCUMENT_TYPE_NOT_ALLOWED",
                        "Only PDF, JPEG and PNG files are accepted",
                        "origination.problem.document-type"));
    if (documents.count(applicationId) >= properties.documentsPerApplication()) {
      throw new ProblemException(
          409,
          "TOO_MANY_DOCUMENTS",
          "An application may carry at most " + properties.documentsPerApplication() + " documents",
          "origination.problem.too-many-documents");
    }
    UUID id = Ids.newId(clock);
    Instant now = clock.instant();
    String name = DocumentTypes.safeFileName(fileName, type);
    documents.insert(
        id, applicationId, kind, name, type, content, sha256(content), borrowerId, now);
    return new ApplicationView.Document(id, kind, name, type, content.length, now);
  }

  public List<ApplicationView.Document> documents(UUID applicationId) {
    return documents.list(applicationId).stream()
        .map(
            d ->
                new ApplicationView.Document(
                    d.id(), d.kind(), d.fileName(), d.contentType(), d.sizeBytes(), d.at()))
        .toList();
  }

  /** A document's bytes for its borrower or staff; 404 for anyone else. */
  public DocumentContent document(
      UUID viewerId, Set<String> roles, UUID applicationId, UUID documentId) {
    application(viewerId, roles, applicationId);
    DocumentStore.Content c =
        documents
            .content(applicationId, documentId)
            .orElseThrow(() -> ProblemException.notFound("Document"));
    return new DocumentContent(c.fileName(), c.contentType(), c.bytes());
  }

  // ---- helpers

  static boolean isStaff(Set<String> roles) {
    return roles.contains("RISK_OFFICER")
        || roles.contains("ADMIN")
        || roles.contains("OPERATOR")
        || roles.contains("AUDITOR");
  }

  private static ProblemException forbidden() {
    return new ProblemException(
        403, "FORBIDDEN", "Only borrowers can apply for loans", "problem.forbidden");
  }

  private static int clampSize(int size) {
    return Math.min(Math.max(size, 1), 100);
  }

  ApplicationView view(ApplicationRow a, boolean withReport) {
    StoredRiskReport report =
        withReport && a.riskReport() != null
            ? json.readValue(a.riskReport(), StoredRiskReport.class)
            : null;
    return new ApplicationView(
        a.id(),
        a.borrowerId(),
        ProductType.valueOf(a.product()),
        a.status(),
        Money.cny(a.amountMinor()),
        a.termMonths(),
        RepaymentMethod.valueOf(a.repaymentMethod()),
        a.purpose(),
        a.vin() == null ? null : Masks.vin(a.vin()),
        a.plateMasked(),
        a.estimatedValueMinor() == null ? null : Money.cny(a.estimatedValueMinor()),
        a.collateralPledged(),
        a.creditCode(),
        a.legalRepMasked(),
        a.grade(),
        a.score(),
        a.refusalCodes() == null || a.refusalCodes().isBlank()
            ? List.of()
            : List.of(a.refusalCodes().split(",")),
        a.makerId(),
        a.makerRateBps() == null ? null : AnnualRate.ofBps(a.makerRateBps()),
        a.approvedRateBps() == null ? null : AnnualRate.ofBps(a.approvedRateBps()),
        a.listingId(),
        report,
        a.createdAt(),
        a.updatedAt());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static @Nullable String deviceHash(@Nullable String deviceId) {
    if (deviceId == null || deviceId.isBlank() || deviceId.length() > 200) {
      return null;
    }
    return sha256(deviceId.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** Normalizes an address (no spaces, upper case) before hashing it. */
  static String addressHash(String address) {
    String normalized = address.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    return sha256(normalized.getBytes(StandardCharsets.UTF_8));
  }

  // ---- parsing the form

  private Parsed parse(UUID userId, ApplicationForm f) {
    FormParser p = new FormParser();
    ProductType type = p.choice("product", f.product(), ProductType.class, true);
    Money amount = p.money("amount", f.amount(), true);
    Integer term = p.integer("termMonths", f.termMonths(), 1, 600, true);
    RepaymentMethod method =
        p.choice("repaymentMethod", f.repaymentMethod(), RepaymentMethod.class, true);
    LoanPurpose purpose = p.choice("purpose", f.purpose(), LoanPurpose.class, true);
    Money income = p.money("monthlyIncome", f.monthlyIncome(), true);
    Money debts = p.money("monthlyDebtPayments", f.monthlyDebtPayments(), true);
    Money savings = p.money("savings", f.savings(), false);
    Integer employment = p.integer("employmentMonths", f.employmentMonths(), 0, 720, false);
    ApplicantProfile.Job job = p.choice("job", f.job(), ApplicantProfile.Job.class, true);
    ApplicantProfile.CheckingAccount checking =
        p.choice(
            "checkingAccount", f.checkingAccount(), ApplicantProfile.CheckingAccount.class, true);
    ApplicantProfile.Housing housing =
        p.choice("housing", f.housing(), ApplicantProfile.Housing.class, true);
    ApplicantProfile.PropertyOwned property =
        p.choice("property", f.property(), ApplicantProfile.PropertyOwned.class, true);
    ApplicantProfile.OtherParty other =
        FormParser.blank(f.otherParty())
            ? ApplicantProfile.OtherParty.NONE
            : p.choice("otherParty", f.otherParty(), ApplicantProfile.OtherParty.class, true);
    String address = p.required("address", f.address(), 200);
    Parsed parsed =
        new Parsed(
            type,
            amount,
            term,
            method,
            purpose,
            income,
            debts,
            savings,
            employment,
            job,
            checking,
            housing,
            property,
            other,
            address);
    if (type != null) {
      products
          .find(type.name())
          .filter(LoanProduct::enabled)
          .ifPresentOrElse(
              product -> {
                if (amount != null && term != null && method != null) {
                  p.addAll(product.check(amount, term, method));
                }
              },
              () ->
                  p.add(
                      "product",
                      "origination.error.product-closed",
                      "This product is not offered now"));
      if (type == ProductType.CAR) {
        parsed = car(p, parsed, f);
      } else if (type == ProductType.BUSINESS) {
        parsed = business(p, parsed, f, userId);
      }
    }
    if (!p.errors().isEmpty()) {
      throw new ApplicationInvalid(p.errors());
    }
    return parsed;
  }

  private static Parsed car(FormParser p, Parsed parsed, ApplicationForm f) {
    Vin vin = null;
    String vinText = p.required("collateral.vin", f.vin(), 17);
    if (vinText != null) {
      String upper = vinText.toUpperCase(Locale.ROOT);
      if (Vin.isValid(upper)) {
        vin = Vin.parse(upper);
      } else {
        p.add(
            "collateral.vin",
            "origination.error.vin",
            "The VIN must be 17 characters (no I, O, Q) with a correct check digit");
      }
    }
    String plate = p.required("collateral.plate", f.plate(), 12);
    if (plate != null && !plate.matches("^[\\p{IsHan}][A-Z][A-Z0-9]{5,6}$")) {
      p.add("collateral.plate", "origination.error.plate", "The plate must look like 沪A12345");
      plate = null;
    }
    Money value = p.money("collateral.estimatedValue", f.estimatedValue(), true);
    if (value != null && parsed.amount() != null && parsed.amount().isGreaterThan(value)) {
      p.add(
          "amount",
          "origination.error.above-collateral",
          "The amount may not exceed the vehicle's estimated value");
    }
    String certificate =
        p.required("collateral.registrationCertificate", f.registrationCertificate(), 30);
    if (certificate != null && !certificate.matches("^[0-9A-Za-z]{6,30}$")) {
      p.add(
          "collateral.registrationCertificate",
          "origination.error.certificate",
          "The registration certificate number has 6-30 letters and digits");
      certificate = null;
    }
    return parsed.withCar(vin, plate, value, certificate);
  }

  private Parsed business(FormParser p, Parsed parsed, ApplicationForm f, UUID userId) {
    String code = p.required("business.creditCode", f.creditCode(), 18);
    if (code != null) {
      code = CreditCodes.normalize(code);
      if (!CreditCodes.isValid(code)) {
        p.add(
            "business.creditCode",
            "origination.error.credit-code",
            "The unified social credit code must be 18 characters with a correct check character");
        code = null;
      } else {
        Optional<CompanyView> company = identity.company(userId);
        if (company.isPresent() && !company.get().creditCode().equalsIgnoreCase(code)) {
          p.add(
              "business.creditCode",
              "origination.error.credit-code-mismatch",
              "The credit code differs from the company registered on your account");
          code = null;
        }
      }
    }
    Money revenue = p.money("business.annualRevenue", f.annualRevenue(), true);
    String representative = p.required("business.legalRepresentative", f.legalRepresentative(), 40);
    return parsed.withBusiness(code, revenue, representative);
  }

  /** A parsed form; fields are null only when an error was recorded for them. */
  private record Parsed(
      @Nullable ProductType type,
      @Nullable Money amount,
      @Nullable Integer term,
      @Nullable RepaymentMethod method,
      @Nullable LoanPurpose purpose,
      @Nullable Money income,
      @Nullable Money debts,
      @Nullable Money savings,
      @Nullable Integer employment,
      ApplicantProfile.@Nullable Job job,
      ApplicantProfile.@Nullable CheckingAccount checking,
      ApplicantProfile.@Nullable Housing housing,
      ApplicantProfile.@Nullable PropertyOwned property,
      ApplicantProfile.OtherParty other,
      @Nullable String address,
      @Nullable Vin vin,
      @Nullable String plate,
      @Nullable Money vehicleValue,
      @Nullable String certificate,
      @Nullable String creditCode,
      @Nullable Money revenue,
      @Nullable String representative) {

    Parsed(
        @Nullable ProductType type,
        @Nullable Money amount,
        @Nullable Integer term,
        @Nullable RepaymentMethod method,
        @Nullable LoanPurpose purpose,
        @Nullable Money income,
        @Nullable Money debts,
        @Nullable Money savings,
        @Nullable Integer employment,
        ApplicantProfile.@Nullable Job job,
        ApplicantProfile.@Nullable CheckingAccount checking,
        ApplicantProfile.@Nullable Housing housing,
        ApplicantProfile.@Nullable PropertyOwned property,
        ApplicantProfile.OtherParty other,
        @Nullable String address) {
      this(
          type,
          amount,
          term,
          method,
          purpose,
          income,
          debts,
          savings,
          employment,
          job,
          checking,
          housing,
          property,
          other,
          address,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }

    Parsed withCar(
        @Nullable Vin v, @Nullable String p, @Nullable Money value, @Nullable String cert) {
      return new Parsed(
          type,
          amount,
          term,
          method,
          purpose,
          income,
          debts,
          savings,
          employment,
          job,
          checking,
          housing,
          property,
          other,
          address,
          v,
          p,
          value,
          cert,
          null,
          null,
          null);
    }

    Parsed withBusiness(@Nullable String code, @Nullable Money rev, @Nullable String rep) {
      return new Parsed(
          type,
          amount,
          term,
          method,
          purpose,
          income,
          debts,
          savings,
          employment,
          job,
          checking,
          housing,
          property,
          other,
          address,
          null,
          null,
          null,
          null,
          code,
          rev,
          rep);
    }

    /** The row to store; called only when no field had an error. */
    @SuppressWarnings("NullAway")
    ApplicationRow row(
        UUID id,
        UUID borrowerId,
        @Nullable String deviceHash,
        boolean pledged,
        Instant now,
        OriginationProperties settings) {
      boolean company = type == ProductType.BUSINESS;
      return new ApplicationRow(
          id,
          borrowerId,
          type.name(),
          company ? "COMPANY" : "PERSON",
          ApplicationStatus.SUBMITTED,
          amount.amountMinor(),
          term,
          method.name(),
          purpose.name(),
          income.amountMinor(),
          debts.amountMinor(),
          savings == null ? null : savings.amountMinor(),
          employment,
          checking.name(),
          housing.name(),
          job.name(),
          property.name(),
          other.name(),
          addressHash(address),
          deviceHash,
          vin == null ? null : vin.value(),
          plate == null ? null : Masks.plate(plate),
          certificate == null ? null : Masks.keep(certificate, 2, 2),
          vehicleValue == null ? null : vehicleValue.amountMinor(),
          pledged,
          creditCode,
          revenue == null ? null : revenue.amountMinor(),
          representative == null ? null : Masks.name(representative),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          now.plus(settings.screeningRetryInterval()),
          now,
          now);
    }
  }
}
