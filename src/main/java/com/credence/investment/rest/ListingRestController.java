package com.credence.investment.rest;

import com.credence.investment.HoldingView;
import com.credence.investment.InvestmentLine;
import com.credence.investment.InvestmentService;
import com.credence.investment.InvestmentView;
import com.credence.investment.ListingBrowser;
import com.credence.investment.ListingFilter;
import com.credence.investment.ListingStatus;
import com.credence.investment.ListingView;
import com.credence.investment.PageOf;
import com.credence.investment.PlaceInvestment;
import com.credence.shared.AuthenticatedUser;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Listings, investing, my investments and holdings (API.md "Investing"). */
@RestController
class ListingRestController {

  private final InvestmentService investments;
  private final ListingBrowser browser;

  ListingRestController(InvestmentService investments, ListingBrowser browser) {
    this.investments = investments;
    this.browser = browser;
  }

  /** A listing in a list. */
  record ListingItem(
      String listingId,
      String title,
      String product,
      String grade,
      String annualRate,
      int termMonths,
      String repaymentMethod,
      String amount,
      String raised,
      String remaining,
      String minInvestment,
      String investmentStep,
      String status,
      String opensAt,
      String closesAt,
      @Nullable String loanId) {}

  /**
   * A listing with its disclosure: the item's fields (unwrapped, so the JSON is flat as API.md
   * says) and the detail's own.
   */
  record ListingDetail(
      @JsonUnwrapped ListingItem item,
      String purpose,
      @Nullable String valueDate,
      Disclosure disclosure) {}

  record Disclosure(
      String borrower, @Nullable String collateral, String riskAssessment, String risks) {}

  @GetMapping("/api/v1/listings")
  PageOf<ListingItem> listings(
      @RequestParam(required = false) @Nullable ListingStatus status,
      @RequestParam(required = false) @Nullable String grade,
      @RequestParam(required = false) @Nullable Integer termMonths,
      @RequestParam(required = false) @Nullable String minRate,
      @RequestParam(required = false) @Nullable String product,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageOf<ListingView> p =
        browser.listings(
            new ListingFilter(status, grade, termMonths, minRate, product, sort), page, size);
    return new PageOf<>(
        p.items().stream().map(ListingRestController::item).toList(),
        p.page(),
        p.size(),
        p.total());
  }

  @GetMapping("/api/v1/listings/{listingId}")
  ListingDetail listing(@PathVariable UUID listingId) {
    return detail(browser.listing(listingId));
  }

  static ListingDetail detail(ListingView l) {
    return new ListingDetail(
        item(l),
        l.purpose(),
        l.valueDate() == null ? null : l.valueDate().toString(),
        new Disclosure(l.borrowerSummary(), l.collateralSummary(), l.riskSummary(), l.risks()));
  }

  static ListingItem item(ListingView l) {
    return new ListingItem(
        l.listingId().toString(),
        l.title(),
        l.product(),
        l.grade(),
        l.annualRate().toApiString(),
        l.termMonths(),
        l.repaymentMethod(),
        l.amount().toApiString(),
        l.raised().toApiString(),
        l.remaining().toApiString(),
        l.minInvestment().toApiString(),
        l.investmentStep().toApiString(),
        l.status().name(),
        l.opensAt().toString(),
        l.closesAt().toString(),
        l.loanId() == null ? null : l.loanId().toString());
  }

  /**
   * @param takeRemaining when the amount is more than remains, invest what remains instead
   */
  record InvestRequest(@NotNull @Size(max = 32) String amount, @Nullable Boolean takeRemaining) {}

  record InvestmentItem(
      String investmentId,
      String listingId,
      String amount,
      String status,
      String source,
      String createdAt) {}

  /**
   * Answered asynchronously: the request's thread goes back to the server while the bid waits for
   * its batch, so waiting bids hold no server threads (the answer is written once the batch has
   * committed, or the refusal as problem+json).
   */
  @PostMapping("/api/v1/listings/{listingId}/investments")
  CompletableFuture<ResponseEntity<InvestmentItem>> invest(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID listingId,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      @Valid @RequestBody InvestRequest request) {
    return investments
        .investLater(
            new PlaceInvestment(
                listingId,
                user.userId(),
                request.amount(),
                Boolean.TRUE.equals(request.takeRemaining()),
                key == null ? "" : key))
        .thenApply(
            placed -> {
              browser.changed(listingId);
              return ResponseEntity.status(HttpStatus.CREATED).body(item(placed.investment()));
            });
  }

  static InvestmentItem item(InvestmentView i) {
    return new InvestmentItem(
        i.investmentId().toString(),
        i.listingId().toString(),
        i.amount().toApiString(),
        i.status(),
        i.source(),
        i.createdAt().toString());
  }

  /** An item of "my investments": the investment and where its listing stands. */
  record MyInvestmentItem(
      String investmentId,
      String listingId,
      String listingTitle,
      String listingStatus,
      String amount,
      String status,
      String source,
      String createdAt) {

    static MyInvestmentItem of(InvestmentLine line) {
      InvestmentView i = line.investment();
      return new MyInvestmentItem(
          i.investmentId().toString(),
          i.listingId().toString(),
          line.listingTitle(),
          line.listingStatus().name(),
          i.amount().toApiString(),
          i.status(),
          i.source(),
          i.createdAt().toString());
    }
  }

  @GetMapping("/api/v1/me/investments")
  PageOf<MyInvestmentItem> myInvestments(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageOf<InvestmentLine> p = investments.investmentsOf(user.userId(), status, page, size);
    return new PageOf<>(
        p.items().stream().map(MyInvestmentItem::of).toList(), p.page(), p.size(), p.total());
  }

  record HoldingItem(
      String holdingId,
      String listingId,
      String loanId,
      String title,
      String grade,
      String principal,
      String outstandingPrincipal,
      String receivedInterest,
      String status) {}

  @GetMapping("/api/v1/me/holdings")
  PageOf<HoldingItem> myHoldings(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageOf<HoldingView> p = investments.holdingsOf(user.userId(), page, size);
    return new PageOf<>(
        p.items().stream()
            .map(
                h ->
                    new HoldingItem(
                        h.holdingId().toString(),
                        h.listingId().toString(),
                        h.loanId().toString(),
                        h.title(),
                        h.grade(),
                        h.principal().toApiString(),
                        h.outstandingPrincipal().toApiString(),
                        h.receivedInterest().toApiString(),
                        h.status()))
            .toList(),
        p.page(),
        p.size(),
        p.total());
  }
}
