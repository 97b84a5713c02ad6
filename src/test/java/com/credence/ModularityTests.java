package com.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/** The module structure of DESIGN.md holds: no forbidden dependency, no cycle. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(CredenceApplication.class);

  @Test
  void everyModuleOfTheDesignExists() {
    List<String> names =
        MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString).toList();
    assertThat(names)
        .contains(
            "shared",
            "platform",
            "web",
            "ledger",
            "bank",
            "identity",
            "risk",
            "origination",
            "investment",
            "repayment",
            "resale",
            "contract",
            "disclosure",
            "ops");
  }

  @Test
  void modulesRespectTheirAllowedDependencies() {
    MODULES.verify();
  }

  @Test
  void verificationFailsOnAForbiddenDependency() {
    // fixtures.modulith.badapp: module alpha calls beta although it may only use nothing.
    ApplicationModules bad = ApplicationModules.of("fixtures.modulith.badapp", location -> true);
    assertThatThrownBy(bad::verify).isInstanceOf(Violations.class).hasMessageContaining("alpha");
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
