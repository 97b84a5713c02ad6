package com.credence.investment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The public browsing reads (listings pages, one listing, its progress) behind a short-lived cache
 * (ADR 0017). An answer is at most {@code credence.investment.browse-cache-ttl} (1 s) older than
 * the database: the progress bar, {@code raised}, {@code remaining} and the status shown are honest
 * to within that bound. Nothing that decides an investment reads through here: the invest path
 * reads the listing from the database and the sequencer decides against the guarded row. An
 * investment accepted through this node's API or pages drops its listing from the cache, so the
 * investor sees it at once.
 *
 * <p>Errors (bad filters, unknown listings) are not cached. The cache holds at most {@code
 * browse-cache-pages} pages and {@code browse-cache-listings} listings; a TTL of zero turns it off.
 */
@Service
public class ListingBrowser {

  private final InvestmentService investments;
  private final Cache<PageKey, PageOf<ListingView>> pages;
  private final Cache<UUID, ListingView> listings;

  @Autowired
  ListingBrowser(
      InvestmentService investments,
      @Value("${credence.investment.browse-cache-ttl:1s}") Duration ttl,
      @Value("${credence.investment.browse-cache-pages:10000}") long maxPages,
      @Value("${credence.investment.browse-cache-listings:20000}") long maxListings) {
    this(investments, ttl, maxPages, maxListings, Ticker.systemTicker());
  }

  ListingBrowser(
      InvestmentService investments, Duration ttl, long maxPages, long maxListings, Ticker ticker) {
    this.investments = investments;
    this.pages =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumSize(ttl.isZero() ? 0 : maxPages)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
    this.listings =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumSize(ttl.isZero() ? 0 : maxListings)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
  }

  private record PageKey(ListingFilter filter, int page, int size) {}

  /** A page of listings, at most the TTL old; see {@link InvestmentService#listings}. */
  public PageOf<ListingView> listings(ListingFilter filter, int page, int size) {
    return pages.get(
        new PageKey(filter, page, size), k -> investments.listings(k.filter(), k.page(), k.size()));
  }

  /** The listing, at most the TTL old; 404 problem when unknown (never cached). */
  public ListingView listing(UUID listingId) {
    return listings.get(listingId, investments::listing);
  }

  /**
   * Forgets the listing, so that the next read on this node comes from the database: called after
   * an investment was accepted here, so that the investor sees it at once (others within the TTL).
   */
  public void changed(UUID listingId) {
    listings.invalidate(listingId);
  }
}
