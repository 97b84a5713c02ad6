package com.credence.investment;

import com.credence.investment.persistence.ListingStore;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The public browsing reads (listings pages, one listing, its progress), served from memory (ADR
 * 0020; ADR 0017 for statuses other than OPEN).
 *
 * <p>OPEN listings, what nearly every visitor browses, are on a {@link ListingBoard}: pages of open
 * listings and open listings' details are read from it with no database round trip. The board is
 * re-read when a read finds it older than {@code credence.investment.browse-cache-ttl} (1 s): in
 * the background while the old board keeps answering, or at once when it is older than three times
 * that, so an answer is at most three TTLs (and in steady use about one) older than the database.
 * Re-reading costs one query of the open listings' raised amounts plus the full rows of those that
 * changed. Other statuses go through a cache of pages and listings that keeps an answer for one
 * TTL.
 *
 * <p>Nothing that decides an investment reads through here: the invest path reads the listing from
 * the database and the sequencer decides against the guarded row. An investment accepted through
 * this node's API or pages marks its listing, which is then read from the database until the next
 * board, so the investor sees it at once; a listing opened on this node puts a new board in place
 * before the next read. Errors (bad filters, unknown listings) are never kept. A TTL of zero turns
 * all of it off; above {@code browse-board-max} open listings the board is off and pages come from
 * the database.
 */
@Service
public class ListingBrowser {

  private static final Logger log = LoggerFactory.getLogger(ListingBrowser.class);

  /** The board when the TTL is zero: never read, never used. */
  private static final ListingBoard OFF = ListingBoard.of(List.of(), Long.MIN_VALUE, 0, false);

  private final InvestmentService investments;
  private final ListingStore store;
  private final Ticker ticker;
  private final long ttlNanos;
  private final int boardMax;
  private final Cache<PageKey, PageOf<ListingView>> pages;
  private final Cache<UUID, ListingView> listings;

  /** Raised by every listing opened here: a board read before the last raise is not used. */
  private final AtomicLong generation = new AtomicLong();

  /** Listings changed by an investment accepted here since the board was read. */
  private final Set<UUID> changed = ConcurrentHashMap.newKeySet();

  private final Object reading = new Object();
  private final AtomicBoolean readingSoon = new AtomicBoolean();
  private final Executor background;
  private volatile ListingBoard board = ListingBoard.EMPTY;

  @Autowired
  ListingBrowser(
      InvestmentService investments,
      ListingStore store,
      @Value("${credence.investment.browse-cache-ttl:1s}") Duration ttl,
      @Value("${credence.investment.browse-cache-pages:10000}") long maxPages,
      @Value("${credence.investment.browse-cache-listings:20000}") long maxListings,
      @Value("${credence.investment.browse-board-max:50000}") int boardMax) {
    this(
        investments,
        store,
        ttl,
        maxPages,
        maxListings,
        boardMax,
        Ticker.systemTicker(),
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "listing-board");
              t.setDaemon(true);
              return t;
            }));
  }

  ListingBrowser(
      InvestmentService investments,
      ListingStore store,
      Duration ttl,
      long maxPages,
      long maxListings,
      int boardMax,
      Ticker ticker,
      Executor background) {
    this.investments = investments;
    this.background = background;
    this.store = store;
    this.ticker = ticker;
    this.ttlNanos = ttl.toNanos();
    this.boardMax = boardMax;
    if (ttl.isZero()) {
      board = OFF;
    }
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

  /**
   * A page of listings, as {@link InvestmentService#listings} gives it, read as described above.
   */
  public PageOf<ListingView> listings(ListingFilter filter, int page, int size) {
    if (filter.status() == ListingStatus.OPEN) {
      ListingBoard b = board();
      if (b.complete()) {
        ListingStore.Browse browse = InvestmentService.browse(filter);
        return b.page(
            browse,
            Math.max(0, page),
            Math.max(1, Math.min(size, InvestmentService.PAGE_SIZE_MAX)));
      }
    }
    return pages.get(
        new PageKey(filter, page, size), k -> investments.listings(k.filter(), k.page(), k.size()));
  }

  /** The listing, read as described above; 404 problem when unknown (never kept). */
  public ListingView listing(UUID listingId) {
    ListingBoard b = board();
    if (!changed.contains(listingId)) {
      ListingView onBoard = b.view(listingId);
      if (onBoard != null) {
        return onBoard;
      }
    }
    return listings.get(listingId, investments::listing);
  }

  /**
   * Marks the listing changed, so that reads on this node come from the database until the next
   * board: called after an investment was accepted here, so that the investor sees it at once
   * (others within the bound).
   */
  public void changed(UUID listingId) {
    if (board != OFF) {
      // Cleared by the next board; with the board off there is none, and nothing to mark.
      changed.add(listingId);
    }
    listings.invalidate(listingId);
  }

  /** A listing was opened here (and committed): the next read puts a new board in place first. */
  void listingsChanged() {
    generation.incrementAndGet();
  }

  @PreDestroy
  void stop() {
    if (background instanceof ExecutorService service) {
      service.shutdownNow();
    }
  }

  private ListingBoard board() {
    ListingBoard b = board;
    if (b == OFF || isFresh(b, ttlNanos)) {
      return b;
    }
    if (isFresh(b, 3 * ttlNanos)) {
      if (readingSoon.compareAndSet(false, true)) {
        background.execute(this::readInBackground);
      }
      return b;
    }
    synchronized (reading) {
      b = board;
      return b == OFF || isFresh(b, 3 * ttlNanos) ? b : read();
    }
  }

  private boolean isFresh(ListingBoard b, long maxAgeNanos) {
    return b.generation() == generation.get() && ticker.read() - b.readAtNanos() < maxAgeNanos;
  }

  private void readInBackground() {
    try {
      synchronized (reading) {
        if (!isFresh(board, ttlNanos)) {
          read();
        }
      }
    } catch (DataAccessException e) {
      log.warn("Could not re-read the listing board; the last one answers meanwhile", e);
    } finally {
      readingSoon.set(false);
    }
  }

  /** Reads the next board; the caller holds {@link #reading}. */
  private ListingBoard read() {
    // The generation, the changed marks and the time are taken before the query, so that whatever
    // was committed before them is on the board read after them.
    long nextGeneration = generation.get();
    Set<UUID> seen = Set.copyOf(changed);
    long readAt = ticker.read();
    List<ListingStore.Progress> open = store.openProgress(boardMax + 1);
    ListingBoard next;
    if (open.size() > boardMax) {
      log.warn(
          "More than {} open listings: browsing reads them from the database"
              + " (credence.investment.browse-board-max)",
          boardMax);
      next = ListingBoard.of(List.of(), nextGeneration, readAt, false);
    } else {
      next = board.next(open, store::listings, nextGeneration, readAt);
    }
    board = next;
    changed.removeAll(seen);
    return next;
  }
}
