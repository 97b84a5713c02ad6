package com.credence.risk.domain;

import com.credence.risk.Vin;
import java.time.Instant;
import java.util.UUID;

/** The collateral registry's storage: at most one active pledge per vehicle. */
public interface CollateralPledges {

  /**
   * Registers an active pledge of the vehicle for the loan.
   *
   * @return false when the vehicle already backs an active loan (the database decides races)
   */
  boolean tryPledge(UUID pledgeId, Vin vin, UUID loanId, Instant now);

  /** Releases the loan's active pledges; returns how many. */
  int release(UUID loanId, Instant now);

  /** Releases the active pledges of all these loans; answers how many were released. */
  int release(java.util.Collection<UUID> loanIds, Instant now);

  boolean isPledged(Vin vin);
}
