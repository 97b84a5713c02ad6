package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The browsing cache: its staleness bound, what it never keeps, and how it forgets. */
class ListingBrowserTest {

  private final InvestmentService service = mock(InvestmentService.class);
  private final AtomicLong nanos = new AtomicLong();
  private final ListingBrowser browser =
      new ListingBrowser(service, Duration.ofSeconds(1), 100, 100, nanos::get);
  private final UUID id = UUID.randomUUID();
  private final ListingFilter open =
      new ListingFilter(ListingStatus.OPEN, null, null, null, null, "NEWEST");

  @Test
  void aListingIsReadOnceWithinTheBoundAndAgainAfterIt() {
    when(service.listing(id)).thenReturn(view(0), view(5_000));
    assertThat(browser.listing(id).raised()).isEqualTo(Money.yuan(0));
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(browser.listing(id).raised()).as("within 1 s").isEqualTo(Money.yuan(0));
    verify(service, times(1)).listing(id);
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(browser.listing(id).raised()).as("after 1 s").isEqualTo(Money.yuan(5_000));
    verify(service, times(2)).listing(id);
  }

  @Test
  void aChangedListingIsReadAgainAtOnce() {
    when(service.listing(id)).thenReturn(view(0), view(500));
    browser.listing(id);
    browser.changed(id);
    assertThat(browser.listing(id).raised()).isEqualTo(Money.yuan(500));
    verify(service, times(2)).listing(id);
  }

  @Test
  void errorsAreNeverKept() {
    when(service.listing(id))
        .thenThrow(new ProblemException(404, "NOT_FOUND", "no", "error.not-found"))
        .thenReturn(view(0));
    assertThatThrownBy(() -> browser.listing(id)).isInstanceOf(ProblemException.class);
    assertThat(browser.listing(id).raised()).isEqualTo(Money.yuan(0));
  }

  @Test
  void pagesAreKeptPerFilterPageAndSizeWithinTheBound() {
    PageOf<ListingView> first = new PageOf<>(List.of(view(0)), 0, 20, 1);
    PageOf<ListingView> second = new PageOf<>(List.of(), 1, 20, 1);
    when(service.listings(open, 0, 20)).thenReturn(first);
    when(service.listings(open, 1, 20)).thenReturn(second);
    assertThat(browser.listings(open, 0, 20)).isSameAs(first);
    assertThat(browser.listings(open, 0, 20)).isSameAs(first);
    assertThat(browser.listings(open, 1, 20)).isSameAs(second);
    verify(service, times(1)).listings(open, 0, 20);
    verify(service, times(1)).listings(open, 1, 20);
    ListingFilter rate = new ListingFilter(ListingStatus.OPEN, null, null, null, null, "RATE_DESC");
    when(service.listings(rate, 0, 20)).thenReturn(second);
    assertThat(browser.listings(rate, 0, 20)).isSameAs(second);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    browser.listings(open, 0, 20);
    verify(service, times(2)).listings(open, 0, 20);
  }

  @Test
  void aBadFilterIsNotKept() {
    ListingFilter bad = new ListingFilter(null, "Z", null, null, null, null);
    when(service.listings(any(), anyInt(), anyInt()))
        .thenThrow(new ProblemException(400, "INVALID_RULE", "grade", "error"));
    assertThatThrownBy(() -> browser.listings(bad, 0, 20)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> browser.listings(bad, 0, 20)).isInstanceOf(ProblemException.class);
    verify(service, times(2)).listings(bad, 0, 20);
  }

  @Test
  void aBoundOfZeroKeepsNothing() {
    ListingBrowser off = new ListingBrowser(service, Duration.ZERO, 100, 100, nanos::get);
    when(service.listing(id)).thenReturn(view(0));
    off.listing(id);
    off.listing(id);
    verify(service, times(2)).listing(id);
  }

  private ListingView view(long raisedYuan) {
    Instant t = Instant.parse("2026-11-25T00:00:00Z");
    return new ListingView(
        id,
        "车贷",
        "CAR",
        "USED_CAR",
        "B",
        AnnualRate.ofBps(950),
        12,
        "EQUAL_INSTALLMENT",
        Money.yuan(20_000),
        Money.yuan(raisedYuan),
        Money.yuan(50),
        Money.yuan(50),
        ListingStatus.OPEN,
        t,
        t.plusSeconds(86_400),
        null,
        null,
        "张**",
        null,
        "B级",
        "借款人可能逾期");
  }
}
