package com.credence.origination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoanProductTest {

  private static LoanProduct credit(int upfrontBps, int monthlyBps) {
    return new LoanProduct(
        "CREDIT",
        Money.yuan(1_000),
        Money.yuan(200_000),
        List.of(12, 3, 6, 12),
        List.of(RepaymentMethod.EQUAL_INSTALLMENT),
        upfrontBps,
        monthlyBps,
        1000,
        7,
        false,
        Money.yuan(50),
        Money.yuan(50),
        true);
  }

  @Test
  void feesAreBasisPointsOfThePrincipalRoundedHalfUpOnce() {
    LoanProduct p = credit(30, 5);
    assertThat(p.upfrontFee(Money.yuan(10_000))).isEqualTo(Money.cny(3_000));
    assertThat(p.monthlyFee(Money.yuan(10_000))).isEqualTo(Money.cny(500));
    // 333.33 x 0.0005 = 0.1666650 yuan -> 17 fen; 0.1650 -> 17 fen (half up).
    assertThat(p.monthlyFee(Money.cny(33_333))).isEqualTo(Money.cny(17));
    assertThat(p.monthlyFee(Money.cny(33_000))).isEqualTo(Money.cny(17));
    assertThat(p.monthlyFee(Money.cny(32_999))).isEqualTo(Money.cny(16));
    assertThat(credit(0, 0).upfrontFee(Money.yuan(10_000))).isEqualTo(Money.cny(0));
  }

  @Test
  void termsAreSortedWithoutDuplicates() {
    assertThat(credit(0, 0).termsMonths()).containsExactly(3, 6, 12);
  }

  @Test
  void checksAmountTermAndMethodAtTheEdges() {
    LoanProduct p = credit(0, 0);
    assertThat(p.check(Money.yuan(1_000), 12, RepaymentMethod.EQUAL_INSTALLMENT)).isEmpty();
    assertThat(p.check(Money.yuan(200_000), 3, RepaymentMethod.EQUAL_INSTALLMENT)).isEmpty();
    assertThat(p.check(Money.cny(99_999), 12, RepaymentMethod.EQUAL_INSTALLMENT))
        .extracting(FieldError::field)
        .containsExactly("amount");
    assertThat(p.check(Money.cny(20_000_001), 12, RepaymentMethod.EQUAL_INSTALLMENT))
        .extracting(FieldError::field)
        .containsExactly("amount");
    assertThat(p.check(Money.yuan(5_000), 7, RepaymentMethod.BULLET))
        .extracting(FieldError::field)
        .containsExactly("termMonths", "repaymentMethod");
  }

  @Test
  void validatesItsOwnSettings() {
    assertThat(credit(30, 5).validate()).isEmpty();
    assertThat(credit(1001, 101).validate())
        .extracting(FieldError::field)
        .contains("upfrontFeeBps");
    LoanProduct broken =
        new LoanProduct(
            "CAR",
            Money.yuan(10),
            Money.yuan(5),
            List.of(),
            List.of(),
            0,
            0,
            6000,
            0,
            false,
            Money.yuan(75),
            Money.yuan(50),
            true);
    assertThat(broken.validate())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "maxAmount",
            "termsMonths",
            "repaymentMethods",
            "investorServiceFeeBps",
            "fundingPeriodDays",
            "minInvestment");
    LoanProduct longTerm =
        new LoanProduct(
            "CAR",
            Money.yuan(10),
            Money.yuan(50),
            List.of(61),
            List.of(RepaymentMethod.BULLET),
            0,
            0,
            0,
            30,
            true,
            Money.yuan(50),
            Money.yuan(50),
            true);
    assertThat(longTerm.validate()).extracting(FieldError::field).containsExactly("termsMonths");
  }
}
