package com.credence.investment;

import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An immutable in-memory copy of the OPEN listings, pre-sorted in every order of the listings page
 * (ADR 0017). A page is a walk down one sorted array that counts the rows the filters keep and
 * takes the requested slice, so browsing open listings costs no database round trip. The orders are
 * those of {@link ListingStore#browse}, tie-breaks included (created_at DESC, then id DESC as
 * PostgreSQL compares uuids: byte by byte, unsigned), so a page read here equals the page the
 * database would give for the same rows.
 */
final class ListingBoard {

  /** The orders of the listings page, by the name the API takes. */
  enum Sort {
    NEWEST,
    RATE_DESC,
    RATE_ASC,
    TERM_ASC,
    CLOSING,
    PROGRESS;

    Comparator<ListingRow> order() {
      return switch (this) {
        case NEWEST -> NEWEST_FIRST;
        case RATE_DESC ->
            Comparator.comparingInt(ListingRow::annualRateBps)
                .reversed()
                .thenComparing(NEWEST_FIRST);
        case RATE_ASC ->
            Comparator.comparingInt(ListingRow::annualRateBps).thenComparing(NEWEST_FIRST);
        case TERM_ASC ->
            Comparator.comparingInt(ListingRow::termMonths).thenComparing(NEWEST_FIRST);
        case CLOSING -> Comparator.comparing(ListingRow::closesAt).thenComparing(NEWEST_FIRST);
        case PROGRESS ->
            Comparator.comparingLong(ListingBoard::progressBasisPoints)
                .reversed()
                .thenComparing(NEWEST_FIRST);
      };
    }
  }

  /** created_at DESC, id DESC (uuids compared as unsigned 128-bit numbers, as PostgreSQL does). */
  static final Comparator<ListingRow> NEWEST_FIRST =
      Comparator.comparing(ListingRow::createdAt)
          .thenComparing(ListingRow::id, ListingBoard::compareUuids)
          .reversed();

  /** No board yet: every read puts one in place first. */
  static final ListingBoard EMPTY =
      ListingBoard.of(List.of(), Long.MIN_VALUE, Long.MIN_VALUE, false);

  /** A listing on the board: its row (for filters and orders) and the view handed out. */
  record Entry(ListingRow row, ListingView view) {}

  /**
   * One order of the board: the entries in that order and, aligned with them, the filtered fields
   * as primitive arrays, so that a page's walk reads a few contiguous arrays (about 10 µs for
   * 10,000 listings) instead of following a row per entry.
   */
  private record Column(Entry[] entries, char[] grade, int[] term, int[] rateBps, int[] product) {

    static Column of(Entry[] entries, Map<String, Integer> products) {
      int n = entries.length;
      char[] grade = new char[n];
      int[] term = new int[n];
      int[] rate = new int[n];
      int[] product = new int[n];
      for (int i = 0; i < n; i++) {
        ListingRow r = entries[i].row();
        grade[i] = r.grade().charAt(0);
        term[i] = r.termMonths();
        rate[i] = r.annualRateBps();
        product[i] = products.get(r.product());
      }
      return new Column(entries, grade, term, rate, product);
    }
  }

  private static final int ANY = -1;
  private static final int NONE = -2;

  private final Map<UUID, Entry> byId;
  private final Map<String, Integer> products = new HashMap<>();
  private final Column[] sorted;
  private final long generation;
  private final long readAtNanos;
  private final boolean complete;

  /**
   * @param complete false when the board does not hold every open listing (none yet, or too many to
   *     hold): pages must then come from the database
   */
  static ListingBoard of(
      Collection<ListingRow> rows, long generation, long readAtNanos, boolean complete) {
    return new ListingBoard(
        rows.stream().map(r -> new Entry(r, InvestmentService.view(r))).toList(),
        generation,
        readAtNanos,
        complete);
  }

  private ListingBoard(List<Entry> entries, long generation, long readAtNanos, boolean complete) {
    this.generation = generation;
    this.readAtNanos = readAtNanos;
    this.complete = complete;
    this.byId = new HashMap<>(entries.size() * 2);
    for (Entry e : entries) {
      byId.put(e.row().id(), e);
    }
    for (Entry e : entries) {
      products.putIfAbsent(e.row().product(), products.size());
    }
    Sort[] sorts = Sort.values();
    this.sorted = new Column[sorts.length];
    Entry[] all = byId.values().toArray(Entry[]::new);
    for (Sort sort : sorts) {
      Entry[] copy = all.clone();
      Comparator<ListingRow> order = sort.order();
      Arrays.sort(copy, (a, b) -> order.compare(a.row(), b.row()));
      sorted[sort.ordinal()] = Column.of(copy, products);
    }
  }

  /**
   * The next board: the listings that are OPEN now ({@code open}, with their raised amounts), rows
   * kept from this board where the raised amount is unchanged and read with {@code load} otherwise.
   */
  ListingBoard next(
      List<ListingStore.Progress> open,
      Function<List<UUID>, List<ListingRow>> load,
      long nextGeneration,
      long nextReadAtNanos) {
    List<Entry> entries = new ArrayList<>(open.size());
    List<UUID> missing = new ArrayList<>();
    for (ListingStore.Progress p : open) {
      Entry kept = byId.get(p.id());
      if (kept != null && kept.row().raisedMinor() == p.raisedMinor()) {
        entries.add(kept);
      } else {
        missing.add(p.id());
      }
    }
    if (missing.isEmpty() && entries.size() == byId.size() && complete) {
      // Nothing changed: the same listings in the same orders, read again now.
      return new ListingBoard(this, nextGeneration, nextReadAtNanos);
    }
    for (ListingRow row : load.apply(missing)) {
      // A listing that left OPEN between the two reads is left off until the next board.
      if (row.status() == ListingStatus.OPEN) {
        entries.add(new Entry(row, InvestmentService.view(row)));
      }
    }
    return new ListingBoard(entries, nextGeneration, nextReadAtNanos, true);
  }

  /** The same listings and orders as {@code same}, read at another time. */
  private ListingBoard(ListingBoard same, long generation, long readAtNanos) {
    this.byId = same.byId;
    this.products.putAll(same.products);
    this.sorted = same.sorted;
    this.generation = generation;
    this.readAtNanos = readAtNanos;
    this.complete = true;
  }

  long generation() {
    return generation;
  }

  long readAtNanos() {
    return readAtNanos;
  }

  boolean complete() {
    return complete;
  }

  int size() {
    return byId.size();
  }

  /** The listing's view when it is on the board. */
  @Nullable ListingView view(UUID listingId) {
    Entry e = byId.get(listingId);
    return e == null ? null : e.view();
  }

  /**
   * A page of the open listings that the filter keeps, in its order. {@code browse.status()} must
   * be OPEN: the board holds nothing else.
   */
  PageOf<ListingView> page(ListingStore.Browse browse, int pageNumber, int pageSize) {
    long from = (long) pageNumber * pageSize;
    long to = from + pageSize;
    List<ListingView> items = new ArrayList<>(pageSize);
    Column c = sorted[Sort.valueOf(browse.sort()).ordinal()];
    // Each filter as the value the walk compares with; ANY keeps every row, NONE keeps none.
    int grade =
        browse.grade() == null
            ? ANY
            : browse.grade().length() == 1 ? browse.grade().charAt(0) : NONE;
    boolean anyTerm = browse.termMonths() == null;
    int term = anyTerm ? 0 : browse.termMonths();
    int minRate = browse.minRateBps() == null ? Integer.MIN_VALUE : browse.minRateBps();
    int product = browse.product() == null ? ANY : products.getOrDefault(browse.product(), NONE);
    long total = 0;
    if (grade != NONE && product != NONE) {
      for (int i = 0; i < c.entries().length; i++) {
        if ((grade == ANY || c.grade()[i] == grade)
            && (anyTerm || c.term()[i] == term)
            && c.rateBps()[i] >= minRate
            && (product == ANY || c.product()[i] == product)) {
          if (total >= from && total < to) {
            items.add(c.entries()[i].view());
          }
          total++;
        }
      }
    }
    return new PageOf<>(items, pageNumber, pageSize, total);
  }

  /** The PROGRESS order's key, as the database computes it: raised x 10,000 / amount, truncated. */
  static long progressBasisPoints(ListingRow r) {
    return r.raisedMinor() * 10_000 / r.amountMinor();
  }

  /** Compares uuids as PostgreSQL does: as 16 unsigned bytes, most significant first. */
  static int compareUuids(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
