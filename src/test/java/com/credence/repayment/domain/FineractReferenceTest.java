package com.credence.repayment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.AnnualRate;
import com.credence.shared.RepaymentMethod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Equal-installment schedules against Apache Fineract's progressive (declining balance, equal
 * installments) loan engine, configured like ours: monthly periods, whole-month interest at the
 * nominal rate / 12 (days in year 360, days in month 30), amounts rounded to the cent.
 *
 * <p>Source of every number: apache/fineract, {@code
 * fineract-loan/src/test/java/org/apache/fineract/portfolio/loanproduct/calc/ProgressiveEMICalculatorTest.java}
 * (test methods named below); the {@code checkPeriod(..., emi, rateFactor, interest, principal,
 * balance)} lines give installment, interest, principal and closing balance. Fineract rounds
 * HALF_EVEN where we round HALF_UP; no figure below sits on a half cent, so both agree.
 */
class FineractReferenceTest {

  private static final LocalDate VALUE_DATE = LocalDate.of(2024, 1, 1);

  /**
   * {@code testEMICalculation_disbursedAmt100_dayInYears360_daysInMonth30_repayEvery1Month}: 100.00
   * at 9.4822% a year over 6 months. Our rates are whole basis points, so this case runs through
   * the calculator's public steps with the exact monthly rate (0.007901833333...).
   */
  @Test
  void fineractEquals100At9Point4822PercentOver6Months() {
    BigDecimal monthly =
        new BigDecimal("0.094822").divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
    long payment = ScheduleCalculator.equalInstallmentPaymentMinor(100_00, monthly, 6);
    assertThat(payment).isEqualTo(17_13);
    long[] interest = {79, 66, 53, 40, 27, 13};
    long[] principal = {16_34, 16_47, 16_60, 16_73, 16_86, 17_00};
    long[] balance = {83_66, 67_19, 50_59, 33_86, 17_00, 0};
    long outstanding = 100_00;
    for (int k = 0; k < 6; k++) {
      long i = ScheduleCalculator.interestMinor(outstanding, monthly, 1);
      long p = k == 5 ? outstanding : payment - i;
      outstanding -= p;
      assertThat(i).as("interest %d", k + 1).isEqualTo(interest[k]);
      assertThat(p).as("principal %d", k + 1).isEqualTo(principal[k]);
      assertThat(outstanding).as("balance %d", k + 1).isEqualTo(balance[k]);
    }
  }

  /**
   * {@code testEMICalculation_disbursedAmt100_dayInYears360_daysInMonth30_repayEvery1Month_
   * reschedule_interest_on0201_4per}: 100.00 at 7% over 6 months, first period before the rate
   * change: installment 17.01, interest 0.58, principal 16.43, balance 83.57. The later periods
   * (without the rate change) follow from the same formula: 0.49, 0.39, 0.29, 0.20, 0.10 interest
   * and a last installment of 17.00.
   */
  @Test
  void fineractEquals100At7PercentOver6Months() {
    List<Installment> schedule =
        ScheduleCalculator.schedule(
            new LoanTerms(
                100_00, AnnualRate.ofBps(700), 6, RepaymentMethod.EQUAL_INSTALLMENT, VALUE_DATE));
    Installment first = schedule.get(0);
    assertThat(first.totalMinor()).isEqualTo(17_01);
    assertThat(first.interestMinor()).isEqualTo(58);
    assertThat(first.principalMinor()).isEqualTo(16_43);
    assertThat(first.closingPrincipalMinor()).isEqualTo(83_57);
    assertThat(schedule)
        .extracting(Installment::interestMinor)
        .containsExactly(58L, 49L, 39L, 29L, 20L, 10L);
    assertThat(schedule.get(5).totalMinor()).isEqualTo(17_00);
    assertThat(schedule.get(0).dueDate()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(schedule.get(5).dueDate()).isEqualTo(LocalDate.of(2024, 7, 1));
  }

  /**
   * The standard annuity formula A = P r (1+r)^n / ((1+r)^n - 1) for a mortgage-style example
   * (等额本息): 100,000.00 at 4.90% over 12 months, r = 0.049 / 12, gives 8,556.1727... a month,
   * 8,556.17 to the fen.
   */
  @Test
  void annuityFormulaFor100000At4Point9PercentOver12Months() {
    List<Installment> schedule =
        ScheduleCalculator.schedule(
            new LoanTerms(
                100_000_00,
                AnnualRate.ofBps(490),
                12,
                RepaymentMethod.EQUAL_INSTALLMENT,
                VALUE_DATE));
    assertThat(schedule.get(0).totalMinor()).isEqualTo(8_556_17);
    // First month's interest: 100,000 x 0.049 / 12 = 408.33.
    assertThat(schedule.get(0).interestMinor()).isEqualTo(408_33);
  }
}
