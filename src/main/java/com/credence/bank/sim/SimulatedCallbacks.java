package com.credence.bank.sim;

import com.credence.bank.BankService;
import com.credence.bank.domain.CallbackSignature;
import com.credence.shared.Ids;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the simulated bank's answers: signs each queued callback with the shared secret and
 * hands the body and headers to the same verification a callback over HTTP goes through. Due
 * callbacks go out every second; the flush endpoint sends all queued ones at once, which makes
 * tests deterministic. Lost callbacks are never sent.
 */
@Component
@ConditionalOnProperty(
    name = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class SimulatedCallbacks {

  private static final Logger log = LoggerFactory.getLogger(SimulatedCallbacks.class);
  private static final int BATCH = 500;

  private final SimulatedBank bank;
  private final BankService platform;
  private final CallbackSignature signature;
  private final JsonMapper json;
  private final Clock clock;

  SimulatedCallbacks(
      SimulatedBank bank,
      BankService platform,
      CallbackSignature signature,
      JsonMapper json,
      Clock clock) {
    this.bank = bank;
    this.platform = platform;
    this.signature = signature;
    this.json = json;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${credence.bank.simulation.delivery-interval:1s}")
  void deliverDue() {
    deliver(false);
  }

  /**
   * Sends queued callbacks.
   *
   * @param all every queued one (flush), or only those whose latency has passed
   * @return how many were delivered and accepted
   */
  public int deliver(boolean all) {
    int delivered = 0;
    for (SimulatedBank.Answer answer : bank.dueAnswers(all, BATCH)) {
      String body = body(answer);
      long timestamp = clock.instant().getEpochSecond();
      String nonce = Ids.newId(clock).toString();
      String sig = signature.sign(timestamp, nonce, body);
      try {
        platform.receiveCallback(body, Long.toString(timestamp), nonce, sig);
        bank.markCallback(answer.callbackId(), "DELIVERED");
        delivered++;
      } catch (ProblemException e) {
        log.warn("The platform refused callback for {}: {}", answer.orderId(), e.code());
        bank.markCallback(answer.callbackId(), "REFUSED");
      }
    }
    return delivered;
  }

  /** The callback body of an answer, as the bank would send it. */
  String body(SimulatedBank.Answer a) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", a.orderId().toString());
    body.put("kind", a.kind());
    body.put("status", a.status());
    body.put("amount", Money.cny(a.amountMinor()).toApiString());
    body.put("reason", a.reason());
    body.put("businessDate", a.businessDate().toString());
    return json.writeValueAsString(body);
  }
}
