package com.credence.investment.rest;

import com.credence.investment.OfferView;
import com.credence.investment.PageOf;
import com.credence.investment.PartialOffers;
import com.credence.shared.AuthenticatedUser;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The borrower's partial loan offers (a listing not full at its deadline, where the product allows
 * a partial loan): read, accept, decline. Only the loan's borrower; NOT_FOUND for anyone else.
 */
@RestController
class OfferRestController {

  private final PartialOffers offers;

  OfferRestController(PartialOffers offers) {
    this.offers = offers;
  }

  record OfferItem(
      String listingId,
      String applicationId,
      String title,
      String amount,
      String raised,
      String status,
      String madeAt,
      String expiresAt,
      @Nullable String decidedAt,
      @Nullable String loanId) {}

  @GetMapping("/api/v1/me/offers")
  PageOf<OfferItem> offers(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageOf<OfferView> p = offers.offersOf(user.userId(), page, size);
    return new PageOf<>(
        p.items().stream().map(OfferRestController::item).toList(), p.page(), p.size(), p.total());
  }

  @GetMapping("/api/v1/me/offers/{listingId}")
  OfferItem offer(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID listingId) {
    return item(offers.offer(user.userId(), listingId));
  }

  /** Accepts: the loan is disbursed for what was raised. Idempotency-Key required. */
  @PostMapping("/api/v1/me/offers/{listingId}/accept")
  OfferItem accept(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID listingId,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
    return item(offers.accept(user.userId(), listingId, key == null ? "" : key));
  }

  /** Declines: the listing fails and every freeze is voided. Idempotency-Key required. */
  @PostMapping("/api/v1/me/offers/{listingId}/decline")
  OfferItem decline(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID listingId,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
    return item(offers.decline(user.userId(), listingId, key == null ? "" : key));
  }

  static OfferItem item(OfferView o) {
    return new OfferItem(
        o.listingId().toString(),
        o.applicationId().toString(),
        o.title(),
        o.amount().toApiString(),
        o.raised().toApiString(),
        o.status(),
        o.madeAt().toString(),
        o.expiresAt().toString(),
        o.decidedAt() == null ? null : o.decidedAt().toString(),
        o.loanId() == null ? null : o.loanId().toString());
  }
}
