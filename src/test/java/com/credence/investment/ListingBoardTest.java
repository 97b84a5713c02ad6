package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The board of open listings against an order computed independently, as PostgreSQL orders (uuids
 * as text compare like PostgreSQL's byte order), over seeded random listings and queries.
 */
class ListingBoardTest {

  private static final String[] GRADES = {"A", "B", "C", "D"};
  private static final String[] PRODUCTS = {"CAR", "CREDIT", "BUSINESS"};
  private static final int[] TERMS = {3, 6, 12, 24};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 2L, 3L, 20_261_204L, 77_777L})
  void everyPageIsTheSliceOfTheIndependentlySortedAndFilteredRows(long seed) {
    Random random = new Random(seed);
    List<ListingRow> rows = new ArrayList<>();
    int count = 1 + random.nextInt(400);
    for (int i = 0; i < count; i++) {
      rows.add(randomRow(random));
    }
    ListingBoard board = ListingBoard.of(rows, 0, 0, true);
    for (int q = 0; q < 300; q++) {
      ListingStore.Browse browse = randomBrowse(random);
      int size = 1 + random.nextInt(30);
      int page = random.nextInt(5) == 0 ? random.nextInt(40) : random.nextInt(3);
      PageOf<ListingView> actual = board.page(browse, page, size);
      List<ListingRow> expected =
          rows.stream().filter(filter(browse)).sorted(order(browse.sort())).toList();
      List<UUID> slice =
          expected.stream().skip((long) page * size).limit(size).map(ListingRow::id).toList();
      assertThat(actual.items())
          .as("seed %d, %s, page %d of %d", seed, browse, page, size)
          .extracting(ListingView::listingId)
          .isEqualTo(slice);
      assertThat(actual.total()).as("seed %d, %s", seed, browse).isEqualTo(expected.size());
      assertThat(actual.page()).isEqualTo(page);
      assertThat(actual.size()).isEqualTo(size);
    }
  }

  @Test
  void uuidsCompareAsUnsignedBytesLikePostgresql() {
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
    UUID lowHalfHigh = UUID.fromString("00000000-0000-0000-8000-000000000000");
    assertThat(ListingBoard.compareUuids(low, high)).isNegative();
    assertThat(ListingBoard.compareUuids(low, lowHalfHigh)).isNegative();
    assertThat(ListingBoard.compareUuids(high, high)).isZero();
    assertThat(low.compareTo(lowHalfHigh)).as("java's signed order differs").isPositive();
  }

  @Test
  void theNextBoardKeepsUnchangedRowsAndReadsChangedAndNewOnes() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    ListingBoard first = ListingBoard.of(List.of(row(a, 0), row(b, 0)), 1, 10, true);
    List<List<UUID>> asked = new ArrayList<>();
    ListingBoard next =
        first.next(
            List.of(
                new ListingStore.Progress(a, 0),
                new ListingStore.Progress(b, 100_00),
                new ListingStore.Progress(c, 0)),
            ids -> {
              asked.add(ids);
              return List.of(row(b, 100_00), row(c, 0));
            },
            2,
            20);
    assertThat(asked).containsExactly(List.of(b, c));
    assertThat(next.size()).isEqualTo(3);
    assertThat(next.view(a)).isSameAs(first.view(a));
    assertThat(next.view(b).raised().amountMinor()).isEqualTo(100_00);
    assertThat(next.generation()).isEqualTo(2);
    assertThat(next.readAtNanos()).isEqualTo(20);
    assertThat(next.complete()).isTrue();
  }

  @Test
  void whenNothingChangedTheNextBoardReadsNoRowAndKeepsTheOrders() {
    UUID a = UUID.randomUUID();
    ListingBoard first = ListingBoard.of(List.of(row(a, 0)), 1, 10, true);
    List<List<UUID>> asked = new ArrayList<>();
    ListingBoard next =
        first.next(
            List.of(new ListingStore.Progress(a, 0)),
            ids -> {
              asked.add(ids);
              return List.of();
            },
            2,
            20);
    assertThat(asked).isEmpty();
    assertThat(next.view(a)).isSameAs(first.view(a));
    assertThat(next.readAtNanos()).isEqualTo(20);
    assertThat(next.generation()).isEqualTo(2);
    assertThat(
            next.page(new ListingStore.Browse("OPEN", null, null, null, null, "NEWEST"), 0, 5)
                .total())
        .isEqualTo(1);
  }

  @Test
  void aListingThatClosedBetweenTheTwoReadsIsLeftOff() {
    UUID a = UUID.randomUUID();
    ListingRow closed = withStatus(row(a, 0), ListingStatus.FULL);
    ListingBoard next =
        ListingBoard.EMPTY.next(
            List.of(new ListingStore.Progress(a, 0)), ids -> List.of(closed), 1, 1);
    assertThat(next.size()).isZero();
    assertThat(next.view(a)).isNull();
  }

  // ---- the independent oracle ----------------------------------------------------------------

  private static Predicate<ListingRow> filter(ListingStore.Browse b) {
    return r ->
        (b.grade() == null || r.grade().equals(b.grade()))
            && (b.termMonths() == null || r.termMonths() == b.termMonths())
            && (b.minRateBps() == null || r.annualRateBps() >= b.minRateBps())
            && (b.product() == null || r.product().equals(b.product()));
  }

  /** The SQL orders of ListingStore, with uuids compared as their text. */
  private static Comparator<ListingRow> order(String sort) {
    Comparator<ListingRow> newest =
        Comparator.comparing(ListingRow::createdAt)
            .reversed()
            .thenComparing(Comparator.comparing((ListingRow r) -> r.id().toString()).reversed());
    return switch (sort) {
      case "RATE_DESC" ->
          Comparator.comparing((ListingRow r) -> -r.annualRateBps()).thenComparing(newest);
      case "RATE_ASC" -> Comparator.comparing(ListingRow::annualRateBps).thenComparing(newest);
      case "TERM_ASC" -> Comparator.comparing(ListingRow::termMonths).thenComparing(newest);
      case "CLOSING" -> Comparator.comparing(ListingRow::closesAt).thenComparing(newest);
      case "PROGRESS" ->
          Comparator.comparing((ListingRow r) -> -(r.raisedMinor() * 10_000 / r.amountMinor()))
              .thenComparing(newest);
      default -> newest;
    };
  }

  // ---- generators ----------------------------------------------------------------------------

  private static ListingStore.Browse randomBrowse(Random random) {
    ListingBoard.Sort[] sorts = ListingBoard.Sort.values();
    return new ListingStore.Browse(
        "OPEN",
        random.nextInt(3) == 0 ? GRADES[random.nextInt(GRADES.length)] : null,
        random.nextInt(3) == 0
            ? (random.nextInt(10) == 0 ? -1 : TERMS[random.nextInt(TERMS.length)])
            : null,
        random.nextInt(3) == 0 ? 600 + random.nextInt(10) * 100 : null,
        random.nextInt(3) == 0
            ? (random.nextInt(10) == 0 ? "BOAT" : PRODUCTS[random.nextInt(PRODUCTS.length)])
            : null,
        sorts[random.nextInt(sorts.length)].name());
  }

  private static ListingRow randomRow(Random random) {
    // Few distinct creation times and rates, so that the tie-breaks decide often.
    Instant created = t0().plusSeconds(random.nextInt(20));
    long amount = (1 + random.nextInt(50)) * 1_000_00L;
    long raised = random.nextInt(4) == 0 ? 0 : random.nextLong(amount / 5_000 + 1) * 5_000;
    return new ListingRow(
        new UUID(random.nextLong(), random.nextLong()),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "信用贷",
        PRODUCTS[random.nextInt(PRODUCTS.length)],
        "BUSINESS",
        GRADES[random.nextInt(GRADES.length)],
        600 + random.nextInt(8) * 100,
        TERMS[random.nextInt(TERMS.length)],
        "EQUAL_INSTALLMENT",
        amount,
        raised,
        50_00,
        50_00,
        false,
        created,
        created.plusSeconds(3_600 * (1 + random.nextInt(5))),
        ListingStatus.OPEN,
        0,
        0,
        1000,
        UUID.randomUUID(),
        "张**",
        null,
        "B级",
        "借款人可能逾期",
        null,
        null,
        null,
        created);
  }

  /** An open listing of 20,000 CNY with this raised amount. */
  static ListingRow row(UUID id, long raisedMinor) {
    Instant t = t0();
    return new ListingRow(
        id,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "车贷",
        "CAR",
        "USED_CAR",
        "B",
        950,
        12,
        "EQUAL_INSTALLMENT",
        20_000_00,
        raisedMinor,
        50_00,
        50_00,
        false,
        t,
        t.plusSeconds(86_400),
        ListingStatus.OPEN,
        0,
        0,
        1000,
        UUID.randomUUID(),
        "张**",
        null,
        "B级",
        "借款人可能逾期",
        null,
        null,
        null,
        t);
  }

  static ListingView view(UUID id, long raisedMinor, ListingStatus status) {
    return InvestmentService.view(withStatus(row(id, raisedMinor), status));
  }

  static ListingRow withStatus(ListingRow r, ListingStatus status) {
    return new ListingRow(
        r.id(),
        r.applicationId(),
        r.borrowerId(),
        r.title(),
        r.product(),
        r.purpose(),
        r.grade(),
        r.annualRateBps(),
        r.termMonths(),
        r.repaymentMethod(),
        r.amountMinor(),
        r.raisedMinor(),
        r.minInvestmentMinor(),
        r.stepMinor(),
        r.partialAllowed(),
        r.opensAt(),
        r.closesAt(),
        status,
        r.upfrontFeeMinor(),
        r.monthlyFeeMinor(),
        r.investorServiceFeeBps(),
        r.escrowAccountId(),
        r.borrowerSummary(),
        r.collateralSummary(),
        r.riskSummary(),
        r.risks(),
        r.loanId(),
        r.principalMinor(),
        r.valueDate(),
        r.createdAt());
  }

  static Instant t0() {
    return Instant.parse("2026-11-25T00:00:00Z");
  }
}
