package com.credence.bank.sim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Simulation-only endpoints of the simulated bank (absent when simulation is off). */
@RestController
@RequestMapping("/api/v1/sim/bank")
@ConditionalOnProperty(
    name = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SimulatedBankRestController {

  private final SimulatedBank bank;
  private final SimulatedCallbacks callbacks;

  SimulatedBankRestController(SimulatedBank bank, SimulatedCallbacks callbacks) {
    this.bank = bank;
    this.callbacks = callbacks;
  }

  /** The bank answers all confirmed orders now (queued callbacks are delivered). */
  @PostMapping("/callbacks/flush")
  Map<String, Integer> flush() {
    return Map.of("delivered", callbacks.deliver(true));
  }

  record Confirmation(@NotNull @Pattern(regexp = "[0-9]{6}") String password) {}

  /**
   * The customer's confirmation with the transaction password, as on the bank's page; for API
   * clients and tests.
   */
  @PostMapping("/orders/{orderId}/confirm")
  Map<String, String> confirm(
      @PathVariable UUID orderId, @Valid @RequestBody Confirmation confirmation) {
    if (bank.instructionStatus(orderId).isEmpty()) {
      throw com.credence.shared.ProblemException.notFound("Instruction");
    }
    return Map.of("status", bank.confirm(orderId, confirmation.password()));
  }

  record CardBehaviour(
      @NotNull @Pattern(regexp = "[0-9]{16,19}") String cardNumber,
      @NotNull SimulatedBank.Behaviour behaviour) {}

  /** How the bank treats one card's instructions from now on. */
  @PostMapping("/behaviours")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void behaviour(@Valid @RequestBody CardBehaviour request) {
    bank.behaviour(request.cardNumber(), request.behaviour());
  }
}
