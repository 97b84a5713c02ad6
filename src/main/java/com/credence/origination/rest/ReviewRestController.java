package com.credence.origination.rest;

import com.credence.origination.ApplicationInvalid;
import com.credence.origination.ApplicationView;
import com.credence.origination.OriginationService;
import com.credence.origination.ReviewService;
import com.credence.origination.domain.ApplicationStatus;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The risk officers' review queue and decisions (staff, second factor required). */
@RestController
class ReviewRestController {

  private final OriginationService origination;
  private final ReviewService review;

  ReviewRestController(OriginationService origination, ReviewService review) {
    this.origination = origination;
    this.review = review;
  }

  @GetMapping("/api/v1/admin/loan-applications")
  LoanApplicationRestController.PageResponse<LoanApplicationRestController.ApplicationResponse>
      queue(
          @AuthenticationPrincipal AuthenticatedUser user,
          @RequestParam(defaultValue = "IN_REVIEW") String status,
          @RequestParam(defaultValue = "0") int page,
          @RequestParam(defaultValue = "20") int size) {
    requireReviewer(user);
    ApplicationStatus s;
    try {
      s = ApplicationStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          400, "VALIDATION_FAILED", "Unknown status " + status, "problem.validation-failed");
    }
    OriginationService.Page<ApplicationView> p = origination.queue(s, page, size);
    return new LoanApplicationRestController.PageResponse<>(
        p.items().stream().map(LoanApplicationRestController.ApplicationResponse::of).toList(),
        p.page(),
        p.size(),
        p.total());
  }

  record DecisionRequest(
      @Nullable String decision, @Nullable String comment, @Nullable String annualRate) {}

  record DecisionResponse(String applicationId, String status, boolean awaitingSecondApproval) {}

  @PostMapping("/api/v1/admin/loan-applications/{id}/decisions")
  DecisionResponse decide(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @RequestBody DecisionRequest request) {
    if (!user.hasRole("RISK_OFFICER")) {
      throw new ProblemException(
          403, "FORBIDDEN", "Only risk officers decide on applications", "problem.forbidden");
    }
    ReviewService.Outcome outcome =
        review.decide(
            user.userId(),
            id,
            request.decision() == null ? "" : request.decision(),
            request.comment(),
            request.annualRate());
    return new DecisionResponse(
        outcome.applicationId().toString(), outcome.status().name(), outcome.awaitingSecond());
  }

  static void requireReviewer(AuthenticatedUser user) {
    if (!user.hasRole("RISK_OFFICER") && !user.hasRole("ADMIN")) {
      throw new ProblemException(
          403, "FORBIDDEN", "Only risk officers and admins review", "problem.forbidden");
    }
  }

  @ExceptionHandler(ApplicationInvalid.class)
  ResponseEntity<Object> invalid(ApplicationInvalid e, HttpServletRequest request) {
    return RestProblems.invalid(e, request);
  }
}
