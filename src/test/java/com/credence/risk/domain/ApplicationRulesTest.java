package com.credence.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.risk.Decision;
import com.credence.risk.RuleHit;
import com.credence.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationRulesTest {

  private static ApplicationRules.Facts facts(
      Integer age, long amountYuan, long onPlatformYuan, long elsewhereYuan, String dti) {
    return new ApplicationRules.Facts(
        age,
        18,
        false,
        false,
        Money.yuan(amountYuan),
        Money.yuan(onPlatformYuan),
        Money.yuan(elsewhereYuan),
        Money.yuan(200_000),
        Money.yuan(1_000_000),
        dti == null ? null : new BigDecimal(dti),
        new BigDecimal("0.50"),
        false,
        false,
        0);
  }

  private static List<String> codes(ApplicationRules.Facts facts) {
    return ApplicationRules.check(facts).stream().map(RuleHit::code).toList();
  }

  @Test
  void aSoundApplicationFiresNothing() {
    assertThat(codes(facts(30, 50_000, 0, 0, "0.30"))).isEmpty();
    assertThat(ApplicationRules.decide(List.of())).isEqualTo(Decision.APPROVE_ELIGIBLE);
  }

  @Test
  void eighteenIsAdultSeventeenIsNot() {
    assertThat(codes(facts(18, 1_000, 0, 0, "0.1"))).doesNotContain("NOT_ADULT");
    assertThat(codes(facts(17, 1_000, 0, 0, "0.1"))).contains("NOT_ADULT");
    assertThat(codes(facts(null, 1_000, 0, 0, "0.1"))).doesNotContain("NOT_ADULT");
  }

  @Test
  void thePlatformCapIsReachableButNotExceedable() {
    assertThat(codes(facts(30, 50_000, 150_000, 0, "0.1"))).isEmpty();
    assertThat(codes(facts(30, 50_001, 150_000, 0, "0.1"))).contains("BORROWING_CAP_EXCEEDED");
  }

  @Test
  void theAllPlatformsCapCountsTheBureausBalance() {
    assertThat(codes(facts(30, 100_000, 100_000, 800_000, "0.1"))).isEmpty();
    assertThat(codes(facts(30, 100_000, 100_000, 800_001, "0.1")))
        .containsExactly("BORROWING_CAP_EXCEEDED");
  }

  @Test
  void debtToIncomeAboveTheLimitOrNoIncomeIsRefused() {
    assertThat(codes(facts(30, 1_000, 0, 0, "0.50"))).isEmpty();
    assertThat(codes(facts(30, 1_000, 0, 0, "0.5001"))).contains("DEBT_TO_INCOME_EXCEEDED");
    assertThat(codes(facts(30, 1_000, 0, 0, null))).contains("DEBT_TO_INCOME_EXCEEDED");
  }

  @Test
  void theWorstOutcomeDecides() {
    RuleHit review = new RuleHit("DUPLICATE_IDENTITY", Decision.MANUAL_REVIEW, "");
    RuleHit reject = new RuleHit("RELATED_PARTY", Decision.REJECT, "");

    assertThat(ApplicationRules.decide(List.of(review))).isEqualTo(Decision.MANUAL_REVIEW);
    assertThat(ApplicationRules.decide(List.of(review, reject))).isEqualTo(Decision.REJECT);
  }
}
