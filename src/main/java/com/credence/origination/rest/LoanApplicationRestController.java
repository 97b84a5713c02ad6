package com.credence.origination.rest;

import com.credence.origination.ApplicationForm;
import com.credence.origination.ApplicationInvalid;
import com.credence.origination.ApplicationView;
import com.credence.origination.DocumentContent;
import com.credence.origination.OriginationService;
import com.credence.origination.StoredRiskReport;
import com.credence.shared.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Borrowing (API.md "Borrowing"): apply, follow, cancel, upload documents. */
@RestController
class LoanApplicationRestController {

  private final OriginationService origination;

  LoanApplicationRestController(OriginationService origination) {
    this.origination = origination;
  }

  /** The vehicle of a car-mortgage loan. */
  record Collateral(
      @Nullable String vin,
      @Nullable String plate,
      @Nullable String estimatedValue,
      @Nullable String registrationCertificate) {}

  /** The company of a small-business loan. */
  record Business(
      @Nullable String creditCode,
      @Nullable String annualRevenue,
      @Nullable String legalRepresentative) {}

  /** The application form (amounts as strings in yuan). */
  record ApplicationRequest(
      @Nullable String product,
      @Nullable String amount,
      @Nullable Integer termMonths,
      @Nullable String repaymentMethod,
      @Nullable String purpose,
      @Nullable String monthlyIncome,
      @Nullable String monthlyDebtPayments,
      @Nullable String savings,
      @Nullable Integer employmentMonths,
      @Nullable String job,
      @Nullable String checkingAccount,
      @Nullable String housing,
      @Nullable String property,
      @Nullable String otherParty,
      @Nullable String address,
      @Nullable Collateral collateral,
      @Nullable Business business) {

    ApplicationForm form() {
      Collateral c = collateral == null ? new Collateral(null, null, null, null) : collateral;
      Business b = business == null ? new Business(null, null, null) : business;
      return new ApplicationForm(
          product,
          amount,
          termMonths == null ? null : termMonths.toString(),
          repaymentMethod,
          purpose,
          monthlyIncome,
          monthlyDebtPayments,
          savings,
          employmentMonths == null ? null : employmentMonths.toString(),
          job,
          checkingAccount,
          housing,
          property,
          otherParty,
          address,
          c.vin(),
          c.plate(),
          c.estimatedValue(),
          c.registrationCertificate(),
          b.creditCode(),
          b.annualRevenue(),
          b.legalRepresentative());
    }
  }

  /** An application as the API shows it; {@code riskReport} for staff only. */
  record ApplicationResponse(
      String applicationId,
      String status,
      String product,
      String amount,
      int termMonths,
      String repaymentMethod,
      String purpose,
      List<String> refusalCodes,
      @Nullable Map<String, Object> collateral,
      @Nullable Map<String, Object> business,
      @Nullable String annualRate,
      @Nullable String listingId,
      boolean awaitingSecondApproval,
      @Nullable StoredRiskReport riskReport,
      String createdAt,
      String updatedAt) {

    static ApplicationResponse of(ApplicationView a) {
      Map<String, Object> collateral = null;
      if (a.maskedVin() != null) {
        collateral = new LinkedHashMap<>();
        collateral.put("vin", a.maskedVin());
        collateral.put("plate", a.maskedPlate());
        collateral.put(
            "estimatedValue", a.estimatedValue() == null ? null : a.estimatedValue().toApiString());
        collateral.put("pledged", a.collateralPledged());
      }
      Map<String, Object> business = null;
      if (a.creditCode() != null) {
        business = new LinkedHashMap<>();
        business.put("creditCode", a.creditCode());
        business.put("legalRepresentative", a.maskedLegalRepresentative());
      }
      return new ApplicationResponse(
          a.applicationId().toString(),
          a.status().name(),
          a.product().name(),
          a.amount().toApiString(),
          a.termMonths(),
          a.repaymentMethod().name(),
          a.purpose(),
          a.refusalCodes(),
          collateral,
          business,
          a.approvedRate() == null ? null : a.approvedRate().toApiString(),
          a.listingId() == null ? null : a.listingId().toString(),
          a.makerId() != null && a.approvedRate() == null,
          a.riskReport(),
          a.createdAt().toString(),
          a.updatedAt().toString());
    }
  }

  record PageResponse<T>(List<T> items, int page, int size, long total) {}

  @PostMapping("/api/v1/loan-applications")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> submit(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestHeader(name = "X-Device-Id", required = false) @Nullable String deviceId,
      @RequestBody ApplicationRequest request) {
    ApplicationView view = origination.submit(user.userId(), request.form(), deviceId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicationId", view.applicationId().toString());
    body.put("status", view.status().name());
    body.put("refusalCodes", view.refusalCodes());
    return body;
  }

  @GetMapping("/api/v1/loan-applications/{id}")
  ApplicationResponse application(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return ApplicationResponse.of(origination.application(user.userId(), user.roles(), id));
  }

  @GetMapping("/api/v1/me/loan-applications")
  PageResponse<ApplicationResponse> mine(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    OriginationService.Page<ApplicationView> p =
        origination.myApplications(user.userId(), page, size);
    return new PageResponse<>(
        p.items().stream().map(ApplicationResponse::of).toList(), p.page(), p.size(), p.total());
  }

  @PostMapping("/api/v1/loan-applications/{id}/cancellation")
  ApplicationResponse cancel(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return ApplicationResponse.of(origination.cancel(user.userId(), id));
  }

  @PostMapping(
      path = "/api/v1/loan-applications/{id}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationView.Document upload(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "OTHER") String kind,
      @RequestParam("file") MultipartFile file)
      throws IOException {
    String name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
    return origination.uploadDocument(
        user.userId(), id, kind.toUpperCase(Locale.ROOT), name, file.getBytes());
  }

  @GetMapping("/api/v1/loan-applications/{id}/documents")
  List<ApplicationView.Document> documents(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    origination.application(user.userId(), user.roles(), id);
    return origination.documents(id);
  }

  @GetMapping("/api/v1/loan-applications/{id}/documents/{documentId}")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @PathVariable UUID documentId) {
    return download(origination.document(user.userId(), user.roles(), id, documentId));
  }

  /** A document as an attachment, never rendered inline, with the type it was recognized as. */
  static ResponseEntity<byte[]> download(DocumentContent d) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(d.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(d.content());
  }

  /** Field errors of the form, in the API's VALIDATION_FAILED shape. */
  @ExceptionHandler(ApplicationInvalid.class)
  ResponseEntity<Object> invalid(ApplicationInvalid e, HttpServletRequest request) {
    return RestProblems.invalid(e, request);
  }
}
