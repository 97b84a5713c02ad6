package com.credence.repayment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.shared.AnnualRate;
import com.credence.shared.RepaymentMethod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schedules against figures a borrower gets from a loan calculator, plus properties that hold for
 * every loan the platform may make.
 */
class ScheduleCalculatorTest {

  private static final LocalDate VALUE_DATE = LocalDate.of(2027, 1, 15);

  @Test
  void equalInstallmentsMatchTheCalculator() {
    // 10,000.00 at 12% a year (1% a month) over 12 months: 888.49 a month.
    List<Installment> schedule = schedule(1_000_000, 1200, 12, RepaymentMethod.EQUAL_INSTALLMENT);
    assertThat(schedule).hasSize(12);
    Installment first = schedule.get(0);
    assertThat(first.totalMinor()).isEqualTo(88_849);
    assertThat(first.interestMinor()).isEqualTo(10_000);
    assertThat(first.principalMinor()).isEqualTo(78_849);
    // 9,211.51 outstanding x 1% = 92.1151 -> 92.12
    assertThat(schedule.get(1).interestMinor()).isEqualTo(9_212);
    assertThat(schedule.get(1).principalMinor()).isEqualTo(88_849 - 9_212);
    for (int k = 0; k < 11; k++) {
      assertThat(schedule.get(k).totalMinor()).isEqualTo(88_849);
    }
    // The last installment repays what is left (879.67) with its interest (8.80).
    assertThat(schedule.get(11).openingPrincipalMinor()).isEqualTo(87_967);
    assertThat(schedule.get(11).interestMinor()).isEqualTo(880);
    long interest = schedule.stream().mapToLong(Installment::interestMinor).sum();
    assertThat(interest).isEqualTo(11 * 88_849 + 88_847 - 1_000_000);
  }

  @Test
  void equalPrincipalMatchesTheCalculator() {
    // 12,000.00 at 12% over 12 months: 1,000.00 principal a month, interest 120.00, 110.00, ...
    // 10.00.
    List<Installment> schedule = schedule(1_200_000, 1200, 12, RepaymentMethod.EQUAL_PRINCIPAL);
    for (int k = 0; k < 12; k++) {
      assertThat(schedule.get(k).principalMinor()).isEqualTo(100_000);
      assertThat(schedule.get(k).interestMinor()).isEqualTo(12_000 - 1_000L * k);
    }
    assertThat(schedule.stream().mapToLong(Installment::interestMinor).sum()).isEqualTo(78_000);
  }

  @Test
  void equalPrincipalPutsTheRemainderInTheLastInstallment() {
    List<Installment> schedule = schedule(1_000_000, 1000, 3, RepaymentMethod.EQUAL_PRINCIPAL);
    assertThat(schedule)
        .extracting(Installment::principalMinor)
        .containsExactly(333_333L, 333_333L, 333_334L);
  }

  @Test
  void interestFirstPaysInterestMonthlyAndPrincipalAtTheEnd() {
    // 10,000.00 at 9.5%: 79.1666... a month -> 79.17.
    List<Installment> schedule = schedule(1_000_000, 950, 6, RepaymentMethod.INTEREST_FIRST);
    assertThat(schedule).extracting(Installment::interestMinor).containsOnly(7_917L);
    assertThat(schedule)
        .extracting(Installment::principalMinor)
        .containsExactly(0L, 0L, 0L, 0L, 0L, 1_000_000L);
  }

  @Test
  void bulletPaysEverythingAtMaturity() {
    // 10,000.00 at 9.5% for 6 months: 475.00 interest.
    List<Installment> schedule = schedule(1_000_000, 950, 6, RepaymentMethod.BULLET);
    assertThat(schedule).hasSize(1);
    assertThat(schedule.get(0).principalMinor()).isEqualTo(1_000_000);
    assertThat(schedule.get(0).interestMinor()).isEqualTo(47_500);
    assertThat(schedule.get(0).dueDate()).isEqualTo(VALUE_DATE.plusMonths(6));
  }

  @Test
  void dueDatesKeepTheDayOrTakeTheMonthsLastDay() {
    List<Installment> schedule =
        ScheduleCalculator.schedule(
            new LoanTerms(
                1_000_000,
                AnnualRate.ofBps(1000),
                4,
                RepaymentMethod.EQUAL_PRINCIPAL,
                LocalDate.of(2027, 1, 31)));
    assertThat(schedule)
        .extracting(Installment::dueDate)
        .containsExactly(
            LocalDate.of(2027, 2, 28),
            LocalDate.of(2027, 3, 31),
            LocalDate.of(2027, 4, 30),
            LocalDate.of(2027, 5, 31));
  }

  @Test
  void zeroRateRepaysPrincipalOnly() {
    List<Installment> schedule = schedule(1_000_000, 0, 3, RepaymentMethod.EQUAL_INSTALLMENT);
    assertThat(schedule).extracting(Installment::interestMinor).containsOnly(0L);
    assertThat(schedule.stream().mapToLong(Installment::principalMinor).sum()).isEqualTo(1_000_000);
  }

  @Test
  void refusesImpossibleTerms() {
    assertThatThrownBy(() -> schedule(0, 1000, 12, RepaymentMethod.BULLET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schedule(100, 1000, 0, RepaymentMethod.BULLET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schedule(100, 1000, 361, RepaymentMethod.BULLET))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 20261125L})
  void everyScheduleRepaysThePrincipalExactlyWithInterestRoundedPerPeriod(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 3_000; round++) {
      long principal = 10_000 + Math.floorMod(random.nextLong(), 100_000_000_000L);
      int bps = random.nextInt(2_401);
      int term = 1 + random.nextInt(60);
      RepaymentMethod method = RepaymentMethod.values()[random.nextInt(4)];
      String context =
          String.format(
              "seed %d round %d: %d fen, %d bp, %d months, %s",
              seed, round, principal, bps, term, method);
      List<Installment> schedule = schedule(principal, bps, term, method);

      assertThat(schedule.stream().mapToLong(Installment::principalMinor).sum())
          .as(context)
          .isEqualTo(principal);
      assertThat(schedule.get(schedule.size() - 1).closingPrincipalMinor()).as(context).isZero();
      long opening = principal;
      for (Installment installment : schedule) {
        assertThat(installment.openingPrincipalMinor()).as(context).isEqualTo(opening);
        opening = installment.closingPrincipalMinor();
        int months = method == RepaymentMethod.BULLET ? term : 1;
        // |interest - opening x bps / 120000 x months| <= half a fen
        long exactTimes120000 = installment.openingPrincipalMinor() * bps * months;
        assertThat(Math.abs(installment.interestMinor() * 120_000 - exactTimes120000))
            .as(context)
            .isLessThanOrEqualTo(60_000);
      }
      if (method == RepaymentMethod.EQUAL_INSTALLMENT && bps > 0) {
        assertEqualInstallmentProperties(schedule, principal, bps, context);
      }
    }
  }

  /** All but the last are the same payment; the payment's present value is the principal. */
  private static void assertEqualInstallmentProperties(
      List<Installment> schedule, long principal, int bps, String context) {
    long payment = schedule.get(0).totalMinor();
    int n = schedule.size();
    for (int k = 0; k < n - 1; k++) {
      assertThat(schedule.get(k).totalMinor()).as(context).isEqualTo(payment);
    }
    assertThat(Math.abs(schedule.get(n - 1).totalMinor() - payment))
        .as(context)
        .isLessThanOrEqualTo(n);
    MathContext mc = MathContext.DECIMAL64;
    BigDecimal r = BigDecimal.valueOf(bps).divide(BigDecimal.valueOf(120_000), mc);
    BigDecimal presentValue = BigDecimal.ZERO;
    for (int k = 1; k <= n; k++) {
      presentValue =
          presentValue.add(
              BigDecimal.valueOf(payment).divide(BigDecimal.ONE.add(r).pow(k, mc), mc));
    }
    // Rounding the payment by at most half a fen moves the present value by at most n/2 fen.
    assertThat(presentValue.subtract(BigDecimal.valueOf(principal)).abs())
        .as(context)
        .isLessThanOrEqualTo(BigDecimal.valueOf(n));
  }

  private static List<Installment> schedule(
      long principal, int bps, int months, RepaymentMethod method) {
    return ScheduleCalculator.schedule(
        new LoanTerms(principal, AnnualRate.ofBps(bps), months, method, VALUE_DATE));
  }
}
