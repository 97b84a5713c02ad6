package com.credence.origination.web;

import com.credence.origination.ApplicationInvalid;
import com.credence.origination.ApplicationView;
import com.credence.origination.OriginationService;
import com.credence.origination.ProductType;
import com.credence.origination.ReviewService;
import com.credence.origination.domain.ApplicationStatus;
import com.credence.origination.domain.FieldError;
import com.credence.origination.domain.LoanProduct;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.InvalidAmountException;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The risk officers' pages: review queue, case page with the risk report, loan products. */
@Controller
class ReviewPageController {

  static final String QUEUE = "origination/queue";
  static final String CASE = "origination/case";
  static final String PRODUCTS = "origination/products";

  private final OriginationService origination;
  private final ReviewService review;
  private final MessageSource messages;

  ReviewPageController(
      OriginationService origination, ReviewService review, MessageSource messages) {
    this.origination = origination;
    this.review = review;
    this.messages = messages;
  }

  private static void requireReviewer(AuthenticatedUser user) {
    if (!user.hasRole("RISK_OFFICER") && !user.hasRole("ADMIN")) {
      throw new ProblemException(
          403, "FORBIDDEN", "Only risk officers and admins review", "problem.forbidden");
    }
  }

  @GetMapping("/admin/loan-applications")
  String queue(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "IN_REVIEW") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    requireReviewer(user);
    ApplicationStatus s;
    try {
      s = ApplicationStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      s = ApplicationStatus.IN_REVIEW;
    }
    model.addAttribute("status", s);
    model.addAttribute("statuses", ApplicationStatus.values());
    model.addAttribute("applications", origination.queue(s, page, 50));
    return QUEUE;
  }

  @GetMapping("/admin/loan-applications/{id}")
  String caseFile(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id, Model model) {
    requireReviewer(user);
    ApplicationView view = origination.application(user.userId(), user.roles(), id);
    model.addAttribute("app", view);
    model.addAttribute("report", view.riskReport());
    model.addAttribute("timeline", origination.timeline(id));
    model.addAttribute("decisions", origination.decisions(id));
    model.addAttribute("documents", origination.documents(id));
    model.addAttribute("officer", user.userId());
    model.addAttribute("canDecide", user.hasRole("RISK_OFFICER"));
    return CASE;
  }

  @PostMapping("/admin/loan-applications/{id}/decisions")
  String decide(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String comment,
      @RequestParam(defaultValue = "") String annualRate,
      Locale locale,
      RedirectAttributes flash) {
    if (!user.hasRole("RISK_OFFICER")) {
      throw new ProblemException(
          403, "FORBIDDEN", "Only risk officers decide on applications", "problem.forbidden");
    }
    try {
      ReviewService.Outcome outcome =
          review.decide(user.userId(), id, decision, comment, annualRate);
      flash.addFlashAttribute(
          "message",
          messages.getMessage(
              outcome.awaitingSecond()
                  ? "origination.review.first-approval"
                  : "origination.review.decided." + outcome.status().name(),
              null,
              locale));
    } catch (ApplicationInvalid e) {
      flash.addFlashAttribute("error", fieldMessages(e.errors(), locale));
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "error", messages.getMessage(e.messageKey(), null, e.getMessage(), locale));
    }
    return "redirect:/admin/loan-applications/" + id;
  }

  @GetMapping("/admin/loan-applications/{id}/documents/{documentId}")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @PathVariable UUID documentId) {
    requireReviewer(user);
    return Downloads.attachment(origination.document(user.userId(), user.roles(), id, documentId));
  }

  @GetMapping("/admin/loan-products")
  String products(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    requireReviewer(user);
    model.addAttribute("products", origination.products());
    model.addAttribute("methods", RepaymentMethod.values());
    model.addAttribute("changes", origination.productChanges(20));
    return PRODUCTS;
  }

  @PostMapping("/admin/loan-products/{product}")
  String updateProduct(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String product,
      @RequestParam(defaultValue = "") String minAmount,
      @RequestParam(defaultValue = "") String maxAmount,
      @RequestParam(defaultValue = "") String termsMonths,
      @RequestParam(required = false) List<String> repaymentMethods,
      @RequestParam(defaultValue = "-1") int upfrontFeeBps,
      @RequestParam(defaultValue = "-1") int monthlyFeeBps,
      @RequestParam(defaultValue = "-1") int investorServiceFeeBps,
      @RequestParam(defaultValue = "0") int fundingPeriodDays,
      @RequestParam(defaultValue = "false") boolean partialFundingAllowed,
      @RequestParam(defaultValue = "") String minInvestment,
      @RequestParam(defaultValue = "") String investmentStep,
      @RequestParam(defaultValue = "false") boolean enabled,
      Locale locale,
      RedirectAttributes flash) {
    requireReviewer(user);
    try {
      ProductType type = ProductType.valueOf(product.toUpperCase(Locale.ROOT));
      List<Integer> terms = new ArrayList<>();
      for (String t : termsMonths.split("[,，\\s]+")) {
        if (!t.isBlank()) {
          terms.add(Integer.valueOf(t.strip()));
        }
      }
      List<RepaymentMethod> methods =
          (repaymentMethods == null ? List.<String>of() : repaymentMethods)
              .stream().map(RepaymentMethod::valueOf).toList();
      LoanProduct changed =
          new LoanProduct(
              type.name(),
              Money.parseCny(minAmount.strip()),
              Money.parseCny(maxAmount.strip()),
              terms,
              methods,
              upfrontFeeBps,
              monthlyFeeBps,
              investorServiceFeeBps,
              fundingPeriodDays,
              partialFundingAllowed,
              Money.parseCny(minInvestment.strip()),
              Money.parseCny(investmentStep.strip()),
              enabled);
      origination.updateProduct(user.userId(), changed);
      flash.addFlashAttribute(
          "message", messages.getMessage("origination.products.saved", null, locale));
    } catch (ApplicationInvalid e) {
      flash.addFlashAttribute("error", fieldMessages(e.errors(), locale));
    } catch (InvalidAmountException e) {
      flash.addFlashAttribute(
          "error", messages.getMessage("origination.error.amount-format", null, locale));
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute(
          "error", messages.getMessage("origination.error.product-terms", null, locale));
    }
    return "redirect:/admin/loan-products";
  }

  private String fieldMessages(List<FieldError> errors, Locale locale) {
    return String.join(
        " ",
        Arrays.stream(errors.toArray(FieldError[]::new))
            .map(f -> messages.getMessage(f.messageKey(), null, f.detail(), locale))
            .distinct()
            .toList());
  }
}
