package com.credence.support;

import com.credence.shared.BusinessDayEnded;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every business date announced in the test application, in order. */
@Component
public class BusinessDayRecorder {

  private final List<LocalDate> dates = new CopyOnWriteArrayList<>();

  @EventListener
  void on(BusinessDayEnded event) {
    dates.add(event.date());
  }

  public List<LocalDate> dates() {
    return List.copyOf(dates);
  }
}
