package com.credence.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Property-style tests of the all-in cost with seeded generators; the seed is in the message. */
class AllInCostTest {

  private static final long BASE_SEED = 20261125L;
  private static final BigDecimal ONE_BP = new BigDecimal("0.0001");

  private static AllInCost.Terms randomTerms(Random random, Money upfront, Money monthly) {
    RepaymentMethod[] installments = {
      RepaymentMethod.EQUAL_INSTALLMENT,
      RepaymentMethod.EQUAL_PRINCIPAL,
      RepaymentMethod.INTEREST_FIRST
    };
    return new AllInCost.Terms(
        Money.yuan(1_000 + random.nextInt(199_001)),
        AnnualRate.ofBps(1 + random.nextInt(2_400)),
        1 + random.nextInt(36),
        installments[random.nextInt(installments.length)],
        upfront,
        monthly);
  }

  @RepeatedTest(200)
  void withoutFeesTheAllInCostIsTheContractRate(RepetitionInfo info) {
    long seed = BASE_SEED + info.getCurrentRepetition();
    AllInCost.Terms terms =
        randomTerms(new Random(seed), Money.zero(com.credence.shared.Currency.CNY), Money.cny(0));

    BigDecimal allIn = AllInCost.annualRate(terms);

    // Instalments are rounded to fen, so the rate is met to well within a basis point.
    assertThat(allIn.subtract(terms.rate().asFraction()).abs())
        .as("seed %d, terms %s", seed, terms)
        .isLessThan(ONE_BP);
  }

  @RepeatedTest(200)
  void everyFeeRaisesTheAllInCost(RepetitionInfo info) {
    long seed = BASE_SEED * 31 + info.getCurrentRepetition();
    Random random = new Random(seed);
    AllInCost.Terms bare = randomTerms(random, Money.cny(0), Money.cny(0));
    Money fee = Money.cny(100 + random.nextInt(100_000));
    AllInCost.Terms upfront =
        new AllInCost.Terms(
            bare.principal(), bare.rate(), bare.termMonths(), bare.method(), fee, Money.cny(0));
    AllInCost.Terms monthly =
        new AllInCost.Terms(
            bare.principal(), bare.rate(), bare.termMonths(), bare.method(), Money.cny(0), fee);

    BigDecimal base = AllInCost.annualRate(bare);

    assertThat(AllInCost.annualRate(upfront)).as("seed %d", seed).isGreaterThan(base);
    assertThat(AllInCost.annualRate(monthly)).as("seed %d", seed).isGreaterThan(base);
  }

  @Test
  void aOnePercentUpFrontFeeOnAOneYearAnnuityAddsAboutTwoPoints() {
    // 10,000 at 10% over 12 equal instalments of 879.16, 100 paid up front. Solved apart from
    // this code (bisection on 9,900 = sum of 879.16 / (1 + r)^t): 0.99203% a month, 11.904% a year.
    AllInCost.Terms terms =
        new AllInCost.Terms(
            Money.yuan(10_000),
            AnnualRate.ofBps(1_000),
            12,
            RepaymentMethod.EQUAL_INSTALLMENT,
            Money.yuan(100),
            Money.cny(0));

    assertThat(AllInCost.annualRate(terms))
        .isBetween(new BigDecimal("0.1189"), new BigDecimal("0.1191"));
  }

  @Test
  void cashFlowsRepayThePrincipalExactly() {
    AllInCost.Terms terms =
        new AllInCost.Terms(
            Money.yuan(10_000),
            AnnualRate.ofBps(0),
            3,
            RepaymentMethod.EQUAL_INSTALLMENT,
            Money.cny(0),
            Money.cny(0));

    List<BigDecimal> flows = AllInCost.cashFlows(terms);

    assertThat(flows.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
    assertThat(flows).hasSize(4);
  }

  @Test
  void aBulletLoanWithSimpleInterestCostsLessThanItsNominalRate() {
    AllInCost.Terms terms =
        new AllInCost.Terms(
            Money.yuan(10_000),
            AnnualRate.ofBps(1_200),
            12,
            RepaymentMethod.BULLET,
            Money.cny(0),
            Money.cny(0));

    assertThat(AllInCost.annualRate(terms)).isLessThan(new BigDecimal("0.12"));
  }
}
