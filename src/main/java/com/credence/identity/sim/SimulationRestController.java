package com.credence.identity.sim;

import com.credence.identity.domain.PhoneNumbers;
import com.credence.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Simulation-only endpoints of the identity module (absent when simulation is off). */
@RestController
@RequestMapping("/api/v1/sim")
@ConditionalOnProperty(
    name = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SimulationRestController {

  private final SimulatedSmsGateway sms;
  private final SimulatedIdentityRegistry registry;

  SimulationRestController(SimulatedSmsGateway sms, SimulatedIdentityRegistry registry) {
    this.sms = sms;
    this.registry = registry;
  }

  /** The last messages (up to 10) sent to a phone, newest first. */
  @GetMapping("/sms")
  List<SimulatedSmsGateway.SentSms> sms(@RequestParam String phone) {
    String normalized =
        PhoneNumbers.normalize(phone)
            .orElseThrow(
                () ->
                    new ProblemException(
                        400,
                        "PHONE_INVALID",
                        "Not a mainland mobile number",
                        "problem.phone-invalid"));
    return sms.messagesOf(normalized);
  }

  /** Tells the simulated registry how to answer for one ID number. */
  record RegistryOverride(
      @NotNull @Pattern(regexp = "[0-9]{17}[0-9Xx]") String idNumber,
      @NotNull SimulatedIdentityRegistry.Behaviour behaviour) {}

  @PostMapping("/identity-registry")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void overrideRegistry(@Valid @RequestBody RegistryOverride override) {
    registry.override(override.idNumber().toUpperCase(java.util.Locale.ROOT), override.behaviour());
  }
}
