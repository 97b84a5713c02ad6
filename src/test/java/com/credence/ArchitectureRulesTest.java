package com.credence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import fixtures.arch.ClockBypass;
import fixtures.arch.DoubleMoney;
import fixtures.arch.FieldInjection;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Rules of STYLE.md that the compiler cannot check. Each rule is also run against a planted
 * violation in {@code fixtures.arch}, to prove it can fail.
 */
class ArchitectureRulesTest {

  static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.credence");

  static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("fixtures.arch");

  @Test
  void productionCodeIsImported() {
    assertThat(PRODUCTION.contain(com.credence.shared.Money.class)).isTrue();
    assertThat(PRODUCTION.contain(com.credence.platform.RequestIdFilter.class)).isTrue();
  }

  @Test
  void moneyCodeHasNoFloatingPoint() {
    CredenceRules.NO_FLOATING_POINT_IN_MONEY_CODE.check(PRODUCTION);
  }

  @Test
  void floatingPointRuleCatchesAPlantedDouble() {
    assertFails(
        CredenceRules.noFloatingPointIn("fixtures.arch.."), DoubleMoney.class.getSimpleName());
  }

  @Test
  void noBigDecimalFromDouble() {
    CredenceRules.NO_BIG_DECIMAL_FROM_DOUBLE.check(PRODUCTION);
    assertFails(CredenceRules.NO_BIG_DECIMAL_FROM_DOUBLE, "BigDecimal.<init>(double)");
  }

  @Test
  void timeComesFromTheInjectedClock() {
    CredenceRules.NO_CLOCK_BYPASS.check(PRODUCTION);
    assertFails(CredenceRules.NO_CLOCK_BYPASS, ClockBypass.class.getSimpleName());
  }

  @Test
  void fixturesReallyContainTheViolations() {
    assertThat(new BigDecimal("1")).isNotNull();
    assertThat(FIXTURES.contain(DoubleMoney.class)).isTrue();
    assertThat(FIXTURES.contain(ClockBypass.class)).isTrue();
  }

  @Test
  void noFieldInjection() {
    CredenceRules.NO_FIELD_INJECTION.check(PRODUCTION);
    assertFails(CredenceRules.NO_FIELD_INJECTION, FieldInjection.class.getSimpleName());
  }

  @Test
  void noPrintingToStandardStreams() {
    CredenceRules.NO_STANDARD_STREAMS.check(PRODUCTION);
    assertFails(CredenceRules.NO_STANDARD_STREAMS, "System.out");
  }

  @Test
  void domainPackagesDoNotUseSpring() {
    CredenceRules.DOMAIN_WITHOUT_SPRING.check(PRODUCTION);
    assertFails(
        noClasses()
            .that()
            .resideInAPackage("fixtures.arch..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.time.."),
        "java.time");
  }

  private static void assertFails(ArchRule rule, String expectedInReport) {
    EvaluationResult result = rule.evaluate(FIXTURES);
    assertThat(result.hasViolation())
        .as("rule %s must fail on the fixtures", rule.getDescription())
        .isTrue();
    assertThat(result.getFailureReport().toString()).contains(expectedInReport);
  }
}
