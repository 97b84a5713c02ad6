package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.Money;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvestmentLineTest {

  private static InvestmentLine line(String status, ListingStatus listing) {
    return new InvestmentLine(
        new InvestmentView(
            UUID.randomUUID(),
            UUID.randomUUID(),
            Money.cny(5_000),
            status,
            "MANUAL",
            Instant.EPOCH),
        "title",
        listing);
  }

  @Test
  void aFrozenInvestmentOfAFailedListingIsShownAsRefunding() {
    assertThat(line("FROZEN", ListingStatus.FAILED).shown()).isEqualTo("REFUNDING");
  }

  @Test
  void everyOtherPairShowsTheInvestmentsOwnStatus() {
    for (ListingStatus listing : ListingStatus.values()) {
      for (String status : InvestmentService.INVESTMENT_STATUSES) {
        if (status.equals("FROZEN") && listing == ListingStatus.FAILED) {
          continue;
        }
        assertThat(line(status, listing).shown()).as(status + " in " + listing).isEqualTo(status);
      }
    }
  }
}
