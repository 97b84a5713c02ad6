package com.credence.investment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test bean (found by component scan, like the support probes): records every {@link LoanFunded}
 * published, whatever the thread, so the funding tests can read the event.
 */
@Component
class LoanFundedRecorder {

  private final List<LoanFunded> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(LoanFunded event) {
    events.add(event);
  }

  Optional<LoanFunded> of(UUID listingId) {
    return events.stream().filter(e -> e.listingId().equals(listingId)).findFirst();
  }

  long count(UUID listingId) {
    return events.stream().filter(e -> e.listingId().equals(listingId)).count();
  }
}
