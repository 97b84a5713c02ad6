package com.credence.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * A module's part of the demo data, seeded once when the platform starts with {@code --demo}.
 * Contributors run in {@link #order()} order inside the demo runner.
 */
public interface DemoDataContributor {

  /** Lower runs first: identity before bank before origination. */
  int order();

  void seed(DemoContext context);

  /** What a contributor may do besides writing its own data. */
  interface DemoContext {

    /** Records a demo user whose password is printed once in the start-up log. */
    void announceUser(String role, String phone, String password);

    /**
     * Shares a demo user's id with the contributors that run later, by a name such as "investor".
     */
    void shareUser(String name, UUID userId);

    /** A demo user shared by an earlier contributor. */
    Optional<UUID> sharedUser(String name);
  }
}
