package com.credence.repayment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.AnnualRate;
import com.credence.shared.RepaymentMethod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RescheduleTest {

  private static final AnnualRate RATE = AnnualRate.ofBps(1200);

  private static List<LocalDate> dates(int n) {
    List<LocalDate> dates = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      dates.add(LocalDate.of(2027, 1, 31).plusMonths(k));
    }
    return dates;
  }

  @Test
  void reducingKeepsTheDatesAndLowersTheInstallment() {
    // 10,000.00 left over 6 months at 12% paid 1,725.48 a month; after repaying 4,000.00 early
    // 6,000.00 remain over the same 6 dates.
    List<Installment> rest =
        Reschedule.remaining(
            600_000,
            RATE,
            RepaymentMethod.EQUAL_INSTALLMENT,
            dates(6),
            172_548,
            Reschedule.Mode.REDUCE_INSTALLMENT);
    assertThat(rest).hasSize(6);
    assertThat(rest.get(0).totalMinor()).isEqualTo(103_529);
    assertThat(rest).extracting(Installment::dueDate).containsExactlyElementsOf(dates(6));
    assertThat(rest.stream().mapToLong(Installment::principalMinor).sum()).isEqualTo(600_000);
  }

  @Test
  void shorteningKeepsThePaymentAndDropsTheLastDates() {
    List<Installment> rest =
        Reschedule.remaining(
            600_000,
            RATE,
            RepaymentMethod.EQUAL_INSTALLMENT,
            dates(6),
            172_548,
            Reschedule.Mode.SHORTEN_TERM);
    // 6,000.00 at 1,725.48 a month at most: 4 months (1,537.69); 3 would be 2,040.13.
    assertThat(rest).hasSize(4);
    assertThat(rest.get(0).totalMinor()).isLessThanOrEqualTo(172_548);
    assertThat(rest).extracting(Installment::dueDate).containsExactlyElementsOf(dates(4));
    assertThat(rest.stream().mapToLong(Installment::principalMinor).sum()).isEqualTo(600_000);
  }

  @Test
  void shorteningEqualPrincipalKeepsTheMonthlyPrincipal() {
    assertThat(
            Reschedule.shortenedMonths(500_000, RATE, RepaymentMethod.EQUAL_PRINCIPAL, 10, 100_000))
        .isEqualTo(5);
    assertThat(
            Reschedule.shortenedMonths(500_001, RATE, RepaymentMethod.EQUAL_PRINCIPAL, 10, 100_000))
        .isEqualTo(6);
    assertThat(
            Reschedule.shortenedMonths(500_000, RATE, RepaymentMethod.EQUAL_PRINCIPAL, 3, 100_000))
        .isEqualTo(3);
    assertThat(Reschedule.shortenedMonths(500_000, RATE, RepaymentMethod.INTEREST_FIRST, 7, 1))
        .isEqualTo(7);
    assertThat(
            Reschedule.shortenedMonths(
                500_000, RATE, RepaymentMethod.EQUAL_INSTALLMENT, 7, 1_000_000))
        .isEqualTo(1);
    assertThat(Reschedule.shortenedMonths(500_000, RATE, RepaymentMethod.EQUAL_INSTALLMENT, 7, 1))
        .isEqualTo(7);
  }

  @Test
  void bulletKeepsItsMaturity() {
    List<Installment> rest =
        Reschedule.remaining(
            300_000, RATE, RepaymentMethod.BULLET, dates(3), 0, Reschedule.Mode.SHORTEN_TERM);
    assertThat(rest).hasSize(1);
    assertThat(rest.get(0).dueDate()).isEqualTo(dates(3).get(2));
    assertThat(rest.get(0).interestMinor()).isEqualTo(9_000);
  }
}
