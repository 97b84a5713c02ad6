package com.credence.origination;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test listener (found by component scan): remembers every LoanApproved published. */
@Component
class LoanApprovedRecorder {

  private final List<LoanApproved> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(LoanApproved event) {
    events.add(event);
  }

  Optional<LoanApproved> find(UUID applicationId) {
    return events.stream().filter(e -> e.applicationId().equals(applicationId)).findFirst();
  }

  long count(UUID applicationId) {
    return events.stream().filter(e -> e.applicationId().equals(applicationId)).count();
  }
}
