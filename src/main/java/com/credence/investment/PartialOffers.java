package com.credence.investment;

import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import com.credence.investment.persistence.OfferRow;
import com.credence.investment.persistence.OfferStore;
import com.credence.shared.Money;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The borrower's side of a partial loan: read the offer, accept it (disbursed for what was raised)
 * or decline it (the listing fails). Only the loan's borrower sees or answers an offer; anyone else
 * gets NOT_FOUND.
 */
@Service
public class PartialOffers {

  private static final int SIZE_MAX = 100;

  private final OfferStore offers;
  private final ListingStore listings;
  private final Funding funding;

  PartialOffers(OfferStore offers, ListingStore listings, Funding funding) {
    this.offers = offers;
    this.listings = listings;
    this.funding = funding;
  }

  public PageOf<OfferView> offersOf(UUID borrowerId, int page, int size) {
    if (page < 0 || size < 1 || size > SIZE_MAX) {
      throw InvestmentProblems.of(400, "VALIDATION_FAILED", "page >= 0 and size 1-100");
    }
    var items =
        offers.ofBorrower(borrowerId, size, (long) page * size).stream().map(this::view).toList();
    return new PageOf<>(items, page, size, offers.countOfBorrower(borrowerId));
  }

  public OfferView offer(UUID borrowerId, UUID listingId) {
    return view(mine(borrowerId, listingId));
  }

  /** The user's offer for the listing, if any (empty for anyone but the loan's borrower). */
  public Optional<OfferView> find(UUID borrowerId, UUID listingId) {
    return offers.offer(listingId).filter(o -> o.borrowerId().equals(borrowerId)).map(this::view);
  }

  /** Accepts the offer: the loan is disbursed for what was raised (Idempotency-Key required). */
  public OfferView accept(UUID borrowerId, UUID listingId, String key) {
    return view(funding.answer(listingId, borrowerId, true, key));
  }

  /** Declines the offer: the listing fails, every freeze is voided (Idempotency-Key required). */
  public OfferView decline(UUID borrowerId, UUID listingId, String key) {
    return view(funding.answer(listingId, borrowerId, false, key));
  }

  private OfferRow mine(UUID borrowerId, UUID listingId) {
    return offers
        .offer(listingId)
        .filter(o -> o.borrowerId().equals(borrowerId))
        .orElseThrow(OfferProblems::notFound);
  }

  private OfferView view(OfferRow o) {
    ListingRow l = listings.listing(o.listingId()).orElseThrow(OfferProblems::notFound);
    return new OfferView(
        o.listingId(),
        l.applicationId(),
        l.title(),
        Money.cny(o.amountMinor()),
        Money.cny(o.raisedMinor()),
        o.madeAt(),
        o.expiresAt(),
        o.status(),
        o.decidedAt(),
        l.loanId());
  }
}
