package com.credence.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.risk.Grade;
import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import com.credence.shared.RepaymentMethod;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingPolicyTest {

  private final PricingPolicy policy =
      new PricingPolicy(
          Map.of(
              Grade.A, AnnualRate.ofBps(700),
              Grade.B, AnnualRate.ofBps(850),
              Grade.C, AnnualRate.ofBps(950),
              Grade.D, AnnualRate.ofBps(1_050)),
          300,
          4);

  private static AllInCost.Terms terms(int rateBps, Money upfrontFee) {
    return new AllInCost.Terms(
        Money.yuan(50_000),
        AnnualRate.ofBps(rateBps),
        12,
        RepaymentMethod.EQUAL_INSTALLMENT,
        upfrontFee,
        Money.cny(0));
  }

  @Test
  void theCapIsFourTimesTheLpr() {
    assertThat(policy.capBps()).isEqualTo(1_200);
  }

  @Test
  void gradeEIsNotPriced() {
    assertThat(policy.rateFor(Grade.E)).isEmpty();
    assertThat(policy.rateFor(Grade.A)).contains(AnnualRate.ofBps(700));
  }

  @Test
  void acceptsARateWithinTheCap() {
    assertThat(policy.checkAllInCost(terms(1_050, Money.cny(0)))).isBetween(1_049, 1_051);
  }

  @Test
  void refusesWhenFeesPushTheAllInCostAboveTheCap() {
    // 10.5% plus a 2% up-front fee on a one-year annuity costs about 14.3% a year.
    assertThatThrownBy(() -> policy.checkAllInCost(terms(1_050, Money.yuan(1_000))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(422);
              assertThat(p.code()).isEqualTo("RATE_ABOVE_LEGAL_CAP");
            });
  }

  @Test
  void refusesARateAboveTheCapEvenWithoutFees() {
    assertThatThrownBy(() -> policy.checkAllInCost(terms(1_201, Money.cny(0))))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void refusesAGradeRateAboveTheCapAtConfiguration() {
    assertThatThrownBy(() -> new PricingPolicy(Map.of(Grade.A, AnnualRate.ofBps(1_300)), 300, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void gradesFollowTheProbabilityOfDefault() {
    GradeScale scale =
        new GradeScale(
            new BigDecimal("0.03"),
            new BigDecimal("0.06"),
            new BigDecimal("0.10"),
            new BigDecimal("0.1667"));

    assertThat(scale.gradeOf(new BigDecimal("0.03"))).isEqualTo(Grade.A);
    assertThat(scale.gradeOf(new BigDecimal("0.0301"))).isEqualTo(Grade.B);
    assertThat(scale.gradeOf(new BigDecimal("0.10"))).isEqualTo(Grade.C);
    assertThat(scale.gradeOf(new BigDecimal("0.15"))).isEqualTo(Grade.D);
    assertThat(scale.gradeOf(new BigDecimal("0.5"))).isEqualTo(Grade.E);
  }
}
