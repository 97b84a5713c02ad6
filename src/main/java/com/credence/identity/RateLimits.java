package com.credence.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * In-memory token buckets (bucket4j) per phone and per client address. Per-phone limits stay strict
 * everywhere; per-address limits left unset default high in simulation mode, where one address
 * creates many users, and strict otherwise. On several nodes each node limits on its own.
 */
@Component
class RateLimits {

  private static final int MAX_KEYS = 200_000;
  private static final int SIMULATION_PER_ADDRESS = 1_000_000;

  private final Map<String, Bucket> buckets =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
              return size() > MAX_KEYS;
            }
          });
  private final TimeMeter timeMeter;
  private final IdentityProperties properties;
  private final int smsPerIpPerHour;
  private final int loginsPerIpPerMinute;
  private final int registrationsPerIpPerHour;

  RateLimits(
      IdentityProperties properties,
      Clock clock,
      @Value("${credence.simulation.enabled:true}") boolean simulation) {
    this.properties = properties;
    this.timeMeter = new ClockTimeMeter(clock);
    this.smsPerIpPerHour = orDefault(properties.sms().perIpPerHour(), simulation, 20);
    this.loginsPerIpPerMinute = orDefault(properties.login().perIpPerMinute(), simulation, 30);
    this.registrationsPerIpPerHour =
        orDefault(properties.registration().perIpPerHour(), simulation, 10);
  }

  /** True when one more SMS to this phone (identified by its look-up hash) is allowed. */
  boolean trySmsToPhone(String phoneKey) {
    return tryConsume(
        "sms-phone:" + phoneKey,
        () ->
            bucket(
                Bandwidth.builder()
                    .capacity(properties.sms().perPhonePerHour())
                    .refillIntervally(properties.sms().perPhonePerHour(), Duration.ofHours(1))
                    .build(),
                Bandwidth.builder()
                    .capacity(properties.sms().perPhonePerDay())
                    .refillIntervally(properties.sms().perPhonePerDay(), Duration.ofDays(1))
                    .build()));
  }

  boolean trySmsFromAddress(String address) {
    return tryConsume(
        "sms-ip:" + address,
        () ->
            bucket(
                Bandwidth.builder()
                    .capacity(smsPerIpPerHour)
                    .refillGreedy(smsPerIpPerHour, Duration.ofHours(1))
                    .build()));
  }

  boolean tryLoginFromAddress(String address) {
    return tryConsume(
        "login-ip:" + address,
        () ->
            bucket(
                Bandwidth.builder()
                    .capacity(loginsPerIpPerMinute)
                    .refillGreedy(loginsPerIpPerMinute, Duration.ofMinutes(1))
                    .build()));
  }

  boolean tryRegistrationFromAddress(String address) {
    return tryConsume(
        "register-ip:" + address,
        () ->
            bucket(
                Bandwidth.builder()
                    .capacity(registrationsPerIpPerHour)
                    .refillGreedy(registrationsPerIpPerHour, Duration.ofHours(1))
                    .build()));
  }

  private boolean tryConsume(String key, Supplier<Bucket> factory) {
    return buckets.computeIfAbsent(key, k -> factory.get()).tryConsume(1);
  }

  private Bucket bucket(Bandwidth... limits) {
    var builder = Bucket.builder().withCustomTimePrecision(timeMeter);
    for (Bandwidth limit : limits) {
      builder.addLimit(limit);
    }
    return builder.build();
  }

  private static int orDefault(Integer configured, boolean simulation, int production) {
    if (configured != null) {
      return configured;
    }
    return simulation ? SIMULATION_PER_ADDRESS : production;
  }

  /** Bucket time from the application clock, so tests that move the clock move the buckets. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
