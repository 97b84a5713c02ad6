package com.credence.repayment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.AnnualRate;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OverdueRulesTest {

  private static final LocalDate DUE = LocalDate.of(2027, 3, 10);

  @Test
  void bucketsByDaysOverdue() {
    assertThat(Delinquency.of(-1)).isEqualTo(Delinquency.CURRENT);
    assertThat(Delinquency.of(0)).isEqualTo(Delinquency.CURRENT);
    assertThat(Delinquency.of(1)).isEqualTo(Delinquency.DAYS_1_30);
    assertThat(Delinquency.of(30)).isEqualTo(Delinquency.DAYS_1_30);
    assertThat(Delinquency.of(31)).isEqualTo(Delinquency.DAYS_31_60);
    assertThat(Delinquency.of(60)).isEqualTo(Delinquency.DAYS_31_60);
    assertThat(Delinquency.of(61)).isEqualTo(Delinquency.DAYS_61_90);
    assertThat(Delinquency.of(90)).isEqualTo(Delinquency.DAYS_61_90);
    assertThat(Delinquency.of(91)).isEqualTo(Delinquency.DAYS_OVER_90);
  }

  @Test
  void penaltyRateStaysWithinTheCapTogetherWithTheContractRate() {
    AnnualRate cap = AnnualRate.ofBps(1200);
    assertThat(Penalty.effectiveRate(AnnualRate.ofBps(900), AnnualRate.ofBps(600), cap).bps())
        .isEqualTo(300);
    assertThat(Penalty.effectiveRate(AnnualRate.ofBps(500), AnnualRate.ofBps(600), cap).bps())
        .isEqualTo(600);
    assertThat(Penalty.effectiveRate(AnnualRate.ofBps(600), AnnualRate.ofBps(600), cap).bps())
        .isEqualTo(600);
    assertThat(Penalty.effectiveRate(AnnualRate.ofBps(1200), AnnualRate.ofBps(600), cap).bps())
        .isZero();
    assertThat(Penalty.effectiveRate(AnnualRate.ofBps(1300), AnnualRate.ofBps(600), cap).bps())
        .isZero();
  }

  @Test
  void penaltyDaysStartAfterTheGracePeriod() {
    // Grace 3: the 11th to 13th are free, the 14th is the first penalty day.
    assertThat(Penalty.accrualDays(DUE, 3, DUE, DUE.plusDays(3))).isZero();
    assertThat(Penalty.accrualDays(DUE, 3, DUE, DUE.plusDays(4))).isEqualTo(1);
    assertThat(Penalty.accrualDays(DUE, 3, DUE, DUE.plusDays(10))).isEqualTo(7);
    // Accrued to the 15th already: the 16th and 17th.
    assertThat(Penalty.accrualDays(DUE, 3, DUE.plusDays(5), DUE.plusDays(7))).isEqualTo(2);
    // The same day again: nothing more.
    assertThat(Penalty.accrualDays(DUE, 3, DUE.plusDays(7), DUE.plusDays(7))).isZero();
    assertThat(Penalty.accrualDays(DUE, 0, DUE, DUE.plusDays(1))).isEqualTo(1);
  }

  @Test
  void penaltyIsTheDayCountOnTheOverdueAmount() {
    // 1,000.00 at 3% for 10 days, actual/365: 0.8219... -> 0.82.
    assertThat(Penalty.accrue(100_000, AnnualRate.ofBps(300), 10, DayCount.ACTUAL_365))
        .isEqualTo(82);
    assertThat(Penalty.accrue(100_000, AnnualRate.ofBps(300), 10, DayCount.ACTUAL_360))
        .isEqualTo(83);
  }

  @Test
  void fullEarlyRepaymentChargesInterestToDateAndACappedFee() {
    LocalDate start = LocalDate.of(2027, 3, 10);
    // 10,000.00 outstanding at 9%, 15 days: interest 36.99 (actual/365); fee 1% = 100.00,
    // but interest + fee may not pass 12% over max(15 days, 30 days) = 98.63: fee 61.64.
    EarlyRepayment.Payoff p =
        EarlyRepayment.payoff(
            1_000_000,
            AnnualRate.ofBps(900),
            start,
            start.plusDays(15),
            100,
            AnnualRate.ofBps(1200),
            DayCount.ACTUAL_365);
    assertThat(p.principalMinor()).isEqualTo(1_000_000);
    assertThat(p.interestMinor()).isEqualTo(3_699);
    assertThat(p.feeMinor()).isEqualTo(9_863 - 3_699);
    assertThat(p.totalMinor()).isEqualTo(1_000_000 + 9_863);
    // A small fee stays as contracted.
    EarlyRepayment.Payoff small =
        EarlyRepayment.payoff(
            1_000_000,
            AnnualRate.ofBps(600),
            start,
            start.plusDays(15),
            10,
            AnnualRate.ofBps(1200),
            DayCount.ACTUAL_365);
    assertThat(small.interestMinor()).isEqualTo(2_466);
    assertThat(small.feeMinor()).isEqualTo(1_000);
    // On the due date itself: no interest to date.
    assertThat(
            EarlyRepayment.payoff(
                    1_000_000,
                    AnnualRate.ofBps(600),
                    start,
                    start,
                    0,
                    AnnualRate.ofBps(1200),
                    DayCount.ACTUAL_365)
                .totalMinor())
        .isEqualTo(1_000_000);
  }
}
