package com.credence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/** The architecture rules of STYLE.md, shared by the rule tests. */
final class CredenceRules {

  /** double, float and their boxes. */
  // Declared first: the rule constants below use it while the class initialises.
  private static final DescribedPredicate<JavaClass> FLOATING_POINT =
      DescribedPredicate.describe(
          "a floating-point type",
          type ->
              type.isEquivalentTo(double.class)
                  || type.isEquivalentTo(float.class)
                  || type.isEquivalentTo(Double.class)
                  || type.isEquivalentTo(Float.class));

  /** Packages that hold or compute money. */
  static final String[] MONEY_PACKAGES = {
    "com.credence.shared..", "com.credence.ledger..", "com.credence.bank..",
        "com.credence.investment..",
    "com.credence.repayment..", "com.credence.resale..", "com.credence.risk..",
        "com.credence.origination.."
  };

  /**
   * The only classes that may read the system clock: the clock bean and the pre-start TLS
   * bootstrap.
   */
  static final String[] CLOCK_OWNERS = {
    "com.credence.platform.ClockConfiguration",
    "com.credence.platform.TlsKeystoreEnvironmentPostProcessor"
  };

  static final ArchRule NO_FLOATING_POINT_IN_MONEY_CODE = noFloatingPointIn(MONEY_PACKAGES);

  static final ArchRule NO_BIG_DECIMAL_FROM_DOUBLE =
      noClasses()
          .should()
          .callConstructor(BigDecimal.class, double.class)
          .orShould()
          .callMethod(BigDecimal.class, "valueOf", double.class)
          .because("new BigDecimal(0.1) is 0.1000000000000000055511151231257827...");

  static final ArchRule NO_CLOCK_BYPASS =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(CLOCK_OWNERS[0])
          .and()
          .doNotHaveFullyQualifiedName(CLOCK_OWNERS[1])
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(ZonedDateTime.class, "now")
          .orShould()
          .callMethod(OffsetDateTime.class, "now")
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .because("time comes from the injected Clock, so tests can move days forward");

  static final ArchRule DOMAIN_WITHOUT_SPRING =
      noClasses()
          .that()
          .resideInAPackage("com.credence..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
          .allowEmptyShould(true)
          .because("domain code is pure: no Spring, no SQL");

  static final ArchRule NO_FIELD_INJECTION =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.because(
          "dependencies are constructor parameters, visible and final");

  static final ArchRule NO_STANDARD_STREAMS =
      GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because(
          "output goes through the logger, which masks personal data and carries the request id");

  private CredenceRules() {}

  static ArchRule noFloatingPointIn(String... packages) {
    return CompositeArchRule.of(
            noFields()
                .that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage(packages)
                .should()
                .haveRawType(FLOATING_POINT)
                .allowEmptyShould(true))
        .and(
            noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage(packages)
                .should()
                .haveRawReturnType(FLOATING_POINT)
                .allowEmptyShould(true))
        .and(
            noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage(packages)
                .should()
                .haveRawParameterTypes(
                    DescribedPredicate.<List<JavaClass>>describe(
                        "a floating-point parameter",
                        params -> params.stream().anyMatch(FLOATING_POINT)))
                .allowEmptyShould(true))
        .because(
            "money is long fen and rates are basis points or BigDecimal, never floating point");
  }
}
