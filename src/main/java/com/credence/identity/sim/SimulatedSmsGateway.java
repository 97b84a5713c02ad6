package com.credence.identity.sim;

import com.credence.identity.SmsPurpose;
import com.credence.identity.domain.SmsGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The simulated SMS gateway: instead of sending, keeps the last messages of each phone in memory so
 * that demos and tests can read them at {@code GET /api/v1/sim/sms?phone=}. Never active in
 * production ({@code credence.simulation.enabled=false}).
 */
@Component
@ConditionalOnProperty(
    name = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SimulatedSmsGateway implements SmsGateway {

  private static final int PER_PHONE = 10;
  private static final int PHONES = 100_000;

  /** One message as the phone would have received it. */
  record SentSms(String purpose, String code, String text, Instant sentAt) {}

  private final Map<String, Deque<SentSms>> inbox =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<SentSms>> eldest) {
              return size() > PHONES;
            }
          });
  private final Clock clock;

  SimulatedSmsGateway(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void send(String phone, SmsPurpose purpose, String code, String text) {
    synchronized (inbox) {
      Deque<SentSms> messages = inbox.computeIfAbsent(phone, p -> new ArrayDeque<>());
      messages.addFirst(new SentSms(purpose.name(), code, text, clock.instant()));
      while (messages.size() > PER_PHONE) {
        messages.removeLast();
      }
    }
  }

  /** The messages of a phone, newest first. */
  List<SentSms> messagesOf(String phone) {
    synchronized (inbox) {
      Deque<SentSms> messages = inbox.get(phone);
      return messages == null ? List.of() : List.copyOf(messages);
    }
  }
}
