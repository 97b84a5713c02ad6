package com.credence.origination.rest;

import com.credence.origination.ApplicationInvalid;
import com.credence.origination.OriginationService;
import com.credence.origination.ProductType;
import com.credence.origination.domain.FieldError;
import com.credence.origination.domain.LoanProduct;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.InvalidAmountException;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Loan products: public list, staff changes (audited). */
@RestController
class LoanProductRestController {

  private final OriginationService origination;

  LoanProductRestController(OriginationService origination) {
    this.origination = origination;
  }

  @GetMapping("/api/v1/loan-products")
  List<OriginationService.ProductJson> products() {
    return origination.products().stream()
        .filter(LoanProduct::enabled)
        .map(OriginationService.ProductJson::of)
        .toList();
  }

  @GetMapping("/api/v1/admin/loan-products")
  List<OriginationService.ProductJson> allProducts(
      @AuthenticationPrincipal AuthenticatedUser user) {
    ReviewRestController.requireReviewer(user);
    return origination.products().stream().map(OriginationService.ProductJson::of).toList();
  }

  /** New settings for a product; every field is required. */
  record ProductRequest(
      @Nullable String minAmount,
      @Nullable String maxAmount,
      @Nullable List<Integer> termsMonths,
      @Nullable List<String> repaymentMethods,
      @Nullable Integer upfrontFeeBps,
      @Nullable Integer monthlyFeeBps,
      @Nullable Integer investorServiceFeeBps,
      @Nullable Integer fundingPeriodDays,
      @Nullable Boolean partialFundingAllowed,
      @Nullable String minInvestment,
      @Nullable String investmentStep,
      @Nullable Boolean enabled) {}

  @PutMapping("/api/v1/admin/loan-products/{product}")
  OriginationService.ProductJson update(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String product,
      @RequestBody ProductRequest r) {
    ReviewRestController.requireReviewer(user);
    ProductType type;
    try {
      type = ProductType.valueOf(product.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("Product");
    }
    LoanProduct changed = toProduct(type, r);
    return OriginationService.ProductJson.of(origination.updateProduct(user.userId(), changed));
  }

  private static LoanProduct toProduct(ProductType type, ProductRequest r) {
    List<FieldError> errors = new ArrayList<>();
    Money min = money("minAmount", r.minAmount(), errors);
    Money max = money("maxAmount", r.maxAmount(), errors);
    Money minInvestment = money("minInvestment", r.minInvestment(), errors);
    Money step = money("investmentStep", r.investmentStep(), errors);
    List<RepaymentMethod> methods = new ArrayList<>();
    for (String m : r.repaymentMethods() == null ? List.<String>of() : r.repaymentMethods()) {
      try {
        methods.add(RepaymentMethod.valueOf(m));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                "repaymentMethods", "origination.error.choice", "Unknown repayment method " + m));
      }
    }
    if (r.termsMonths() == null
        || r.upfrontFeeBps() == null
        || r.monthlyFeeBps() == null
        || r.investorServiceFeeBps() == null
        || r.fundingPeriodDays() == null
        || r.partialFundingAllowed() == null
        || r.enabled() == null) {
      errors.add(
          new FieldError("product", "origination.error.required", "Every field is required"));
    }
    if (!errors.isEmpty()) {
      throw new ApplicationInvalid(errors);
    }
    return new LoanProduct(
        type.name(),
        min,
        max,
        r.termsMonths(),
        methods,
        r.upfrontFeeBps(),
        r.monthlyFeeBps(),
        r.investorServiceFeeBps(),
        r.fundingPeriodDays(),
        r.partialFundingAllowed(),
        minInvestment,
        step,
        r.enabled());
  }

  private static Money money(String field, @Nullable String text, List<FieldError> errors) {
    try {
      if (text == null) {
        throw new InvalidAmountException("missing");
      }
      return Money.parseCny(text);
    } catch (InvalidAmountException | ArithmeticException e) {
      errors.add(
          new FieldError(field, "origination.error.amount-format", field + " must be like 50.00"));
      return Money.cny(0);
    }
  }

  @ExceptionHandler(ApplicationInvalid.class)
  ResponseEntity<Object> invalid(ApplicationInvalid e, HttpServletRequest request) {
    return RestProblems.invalid(e, request);
  }
}
