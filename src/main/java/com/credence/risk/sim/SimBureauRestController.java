package com.credence.risk.sim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Simulation mode only: makes the simulated bureau answer, answer slowly or fail. */
@RestController
@ConditionalOnProperty(
    value = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SimBureauRestController {

  private final SimulatedCreditBureau bureau;

  SimBureauRestController(SimulatedCreditBureau bureau) {
    this.bureau = bureau;
  }

  record ModeRequest(@NotNull SimulatedCreditBureau.Mode mode) {}

  @PostMapping("/api/v1/sim/bureau")
  ModeRequest setMode(@Valid @RequestBody ModeRequest body) {
    bureau.setMode(body.mode());
    return new ModeRequest(bureau.mode());
  }
}
