package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browsing reads: the board of open listings (when it is read again, what it answers), the
 * cache of everything else, what is never kept, and how a change made here is seen at once.
 */
class ListingBrowserTest {

  private final InvestmentService service = mock(InvestmentService.class);
  private final ListingStore store = mock(ListingStore.class);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
  private final List<Runnable> background = new ArrayList<>();
  private final ListingBrowser browser =
      new ListingBrowser(
          service, store, Duration.ofSeconds(1), 100, 100, 1_000, nanos::get, background::add);
  private final UUID id = UUID.randomUUID();
  private final ListingFilter open =
      new ListingFilter(ListingStatus.OPEN, null, null, null, null, "NEWEST");
  private final ListingFilter funded =
      new ListingFilter(ListingStatus.FULL, null, null, null, null, "NEWEST");

  /** The open listings as the store has them now. */
  private List<ListingRow> openRows = new ArrayList<>();

  @BeforeEach
  void store() {
    when(store.openProgress(anyInt()))
        .thenAnswer(
            i ->
                openRows.stream()
                    .map(r -> new ListingStore.Progress(r.id(), r.raisedMinor()))
                    .toList());
    when(store.listings(any()))
        .thenAnswer(
            i -> {
              List<?> ids = i.getArgument(0);
              return openRows.stream().filter(r -> ids.contains(r.id())).toList();
            });
  }

  @Test
  void openListingsAreReadOnceWithinTheBoundThenAgainInTheBackground() {
    openRows = new ArrayList<>(List.of(ListingBoardTest.row(id, 0)));
    assertThat(browser.listings(open, 0, 20).items())
        .extracting(ListingView::listingId)
        .containsExactly(id);
    assertThat(browser.listing(id).raised()).isEqualTo(Money.yuan(0));
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    browser.listings(open, 0, 20);
    verify(store, times(1)).openProgress(anyInt());
    verify(service, never()).listings(any(), anyInt(), anyInt());
    verify(service, never()).listing(id);

    openRows = new ArrayList<>(List.of(ListingBoardTest.row(id, 5_000_00)));
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(browser.listing(id).raised())
        .as("the old board answers while the next is read in the background")
        .isEqualTo(Money.yuan(0));
    assertThat(background).hasSize(1);
    browser.listing(id);
    assertThat(background).as("one background read at a time").hasSize(1);
    background.remove(0).run();
    assertThat(browser.listing(id).raised()).isEqualTo(Money.yuan(5_000));
    verify(store, times(2)).openProgress(anyInt());
    verify(store, times(2)).listings(List.of(id));
  }

  @Test
  void aBoardOlderThanThreeBoundsIsNeverUsed() {
    openRows = new ArrayList<>(List.of(ListingBoardTest.row(id, 0)));
    browser.listing(id);
    openRows = new ArrayList<>(List.of(ListingBoardTest.row(id, 50_00)));
    nanos.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(browser.listing(id).raised()).isEqualTo(Money.yuan(50));
    assertThat(background).isEmpty();
  }

  @Test
  void aListingOpenedHereIsOnTheNextPage() {
    browser.listings(open, 0, 20);
    UUID opened = UUID.randomUUID();
    openRows = new ArrayList<>(List.of(ListingBoardTest.row(opened, 0)));
    browser.listingsChanged();
    assertThat(browser.listings(open, 0, 20).items())
        .extracting(ListingView::listingId)
        .containsExactly(opened);
  }

  @Test
  void aListingThatLeftOpenIsNoLongerOnTheBoard() {
    openRows = new ArrayList<>(List.of(ListingBoardTest.row(id, 0)));
    browser.listings(open, 0, 20);
    openRows = new ArrayList<>();
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(browser.listings(open, 0, 20).total()).isZero();
    when(service.listing(id)).thenReturn(ListingBoardTest.view(id, 0, ListingStatus.FULL));
    assertThat(browser.listing(id).status()).isEqualTo(ListingStatus.FULL);
  }

  @Test
  void aChangedListingIsReadFromTheDatabaseUntilTheNextBoard() {
    openRows = new ArrayList<>(List.of(ListingBoardTest.row(id, 0)));
    browser.listing(id);
    when(service.listing(id)).thenReturn(ListingBoardTest.view(id, 500_00, ListingStatus.OPEN));
    browser.changed(id);
    assertThat(browser.listing(id).raised()).isEqualTo(Money.yuan(500));
    verify(service, times(1)).listing(id);

    openRows = new ArrayList<>(List.of(ListingBoardTest.row(id, 500_00)));
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(browser.listing(id).raised()).isEqualTo(Money.yuan(500));
    browser.listing(id);
    verify(service, times(1)).listing(id);
  }

  @Test
  void otherListingsAreReadOnceWithinTheBoundAndAgainAfterIt() {
    when(service.listing(id))
        .thenReturn(
            ListingBoardTest.view(id, 0, ListingStatus.FULL),
            ListingBoardTest.view(id, 0, ListingStatus.REPAYING));
    assertThat(browser.listing(id).status()).isEqualTo(ListingStatus.FULL);
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(browser.listing(id).status()).as("within 1 s").isEqualTo(ListingStatus.FULL);
    verify(service, times(1)).listing(id);
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(browser.listing(id).status()).as("after 1 s").isEqualTo(ListingStatus.REPAYING);
  }

  @Test
  void errorsAreNeverKept() {
    when(service.listing(id))
        .thenThrow(new ProblemException(404, "NOT_FOUND", "no", "error.not-found"))
        .thenReturn(ListingBoardTest.view(id, 0, ListingStatus.FULL));
    assertThatThrownBy(() -> browser.listing(id)).isInstanceOf(ProblemException.class);
    assertThat(browser.listing(id).status()).isEqualTo(ListingStatus.FULL);
  }

  @Test
  void pagesOfOtherStatusesAreKeptPerFilterPageAndSizeWithinTheBound() {
    PageOf<ListingView> first = new PageOf<>(List.of(), 0, 20, 0);
    PageOf<ListingView> second = new PageOf<>(List.of(), 1, 20, 0);
    when(service.listings(funded, 0, 20)).thenReturn(first);
    when(service.listings(funded, 1, 20)).thenReturn(second);
    assertThat(browser.listings(funded, 0, 20)).isSameAs(first);
    assertThat(browser.listings(funded, 0, 20)).isSameAs(first);
    assertThat(browser.listings(funded, 1, 20)).isSameAs(second);
    verify(service, times(1)).listings(funded, 0, 20);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    browser.listings(funded, 0, 20);
    verify(service, times(2)).listings(funded, 0, 20);
  }

  @Test
  void aBadFilterIsRefusedOnTheBoardAsInTheDatabase() {
    ListingFilter badGrade = new ListingFilter(ListingStatus.OPEN, "Z", null, null, null, null);
    ListingFilter badSort = new ListingFilter(ListingStatus.OPEN, null, null, null, null, "X");
    ListingFilter badRate = new ListingFilter(ListingStatus.OPEN, null, null, "lots", null, null);
    for (ListingFilter bad : List.of(badGrade, badSort, badRate)) {
      assertThatThrownBy(() -> browser.listings(bad, 0, 20))
          .isInstanceOf(ProblemException.class)
          .extracting(e -> ((ProblemException) e).status())
          .isEqualTo(400);
    }
  }

  @Test
  void aboveTheBoardMaximumPagesComeFromTheDatabase() {
    ListingBrowser small =
        new ListingBrowser(service, store, Duration.ofSeconds(1), 100, 100, 1, nanos::get, r -> {});
    openRows =
        new ArrayList<>(
            List.of(ListingBoardTest.row(id, 0), ListingBoardTest.row(UUID.randomUUID(), 0)));
    PageOf<ListingView> fromDatabase = new PageOf<>(List.of(), 0, 20, 2);
    when(service.listings(open, 0, 20)).thenReturn(fromDatabase);
    assertThat(small.listings(open, 0, 20)).isSameAs(fromDatabase);
    verify(store, never()).listings(any());
  }

  @Test
  void aBoundOfZeroKeepsNothing() {
    ListingBrowser off =
        new ListingBrowser(service, store, Duration.ZERO, 100, 100, 1_000, nanos::get, r -> {});
    when(service.listing(id)).thenReturn(ListingBoardTest.view(id, 0, ListingStatus.OPEN));
    off.listing(id);
    off.listing(id);
    off.listings(open, 0, 20);
    off.listings(open, 0, 20);
    verify(service, times(2)).listing(id);
    verify(service, times(2)).listings(open, 0, 20);
    verify(store, never()).openProgress(anyInt());
  }
}
