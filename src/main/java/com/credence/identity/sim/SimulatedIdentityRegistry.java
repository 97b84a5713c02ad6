package com.credence.identity.sim;

import com.credence.identity.domain.IdentityRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The simulated identity provider: a deterministic registry. Every well-formed ID number belongs to
 * the name given, except that ID numbers whose sequence digits (15-17) are {@code 999} belong to
 * nobody (NO_MATCH). Demos and tests can also tell it, per ID number, to answer NO_MATCH, to time
 * out or to fail ({@code POST /api/v1/sim/identity-registry}).
 */
@Component
@ConditionalOnProperty(
    name = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SimulatedIdentityRegistry implements IdentityRegistry {

  /** What the registry does for one ID number. */
  enum Behaviour {
    MATCH,
    NO_MATCH,
    TIMEOUT,
    FAILURE
  }

  private static final int MAX_OVERRIDES = 100_000;
  private final Map<String, Behaviour> overrides = new ConcurrentHashMap<>();

  @Override
  public Answer verify(String realName, String idNumber) {
    Behaviour behaviour = overrides.getOrDefault(idNumber, defaultBehaviour(idNumber));
    return switch (behaviour) {
      case MATCH -> Answer.MATCH;
      case NO_MATCH -> Answer.NO_MATCH;
      case TIMEOUT -> throw new UnavailableException("simulated identity provider timed out");
      case FAILURE -> throw new UnavailableException("simulated identity provider failed");
    };
  }

  void override(String idNumber, Behaviour behaviour) {
    if (overrides.size() >= MAX_OVERRIDES) {
      overrides.clear();
    }
    overrides.put(idNumber, behaviour);
  }

  private static Behaviour defaultBehaviour(String idNumber) {
    return idNumber.length() == 18 && idNumber.startsWith("999", 14)
        ? Behaviour.NO_MATCH
        : Behaviour.MATCH;
  }
}
