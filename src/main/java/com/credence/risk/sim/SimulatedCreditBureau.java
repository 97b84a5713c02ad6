package com.credence.risk.sim;

import com.credence.risk.BureauReport;
import com.credence.risk.BureauUnavailable;
import com.credence.risk.CreditBureau;
import com.credence.risk.RiskProperties;
import com.credence.risk.Vin;
import com.credence.shared.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A credit bureau inside the app: the same ID always gets the same synthetic report (seeded from a
 * SHA-256 of the ID), and different IDs get varied ones. It can be told to be slow or down ({@code
 * POST /api/v1/sim/bureau}); then it raises {@link BureauUnavailable}, as the real adapter does on
 * a timeout. Never active in production ({@code credence.simulation.enabled=false}).
 */
@Component
@ConditionalOnProperty(
    value = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class SimulatedCreditBureau implements CreditBureau {

  /** How the simulated bureau behaves. */
  public enum Mode {
    UP,
    SLOW,
    DOWN
  }

  private static final String VIN_CHARACTERS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
  private final Duration timeout;
  private final Duration slowDelay;

  SimulatedCreditBureau(RiskProperties properties) {
    this.timeout = properties.bureau().timeout();
    this.slowDelay = properties.bureau().simulatedSlowDelay();
  }

  public void setMode(Mode next) {
    mode.set(next);
  }

  public Mode mode() {
    return mode.get();
  }

  @Override
  public BureauReport report(String subjectId) {
    Mode now = mode.get();
    if (now == Mode.DOWN) {
      throw new BureauUnavailable("The credit bureau is not answering");
    }
    if (now == Mode.SLOW) {
      if (slowDelay.compareTo(timeout) > 0) {
        pause(timeout);
        throw new BureauUnavailable("The credit bureau did not answer within " + timeout);
      }
      pause(slowDelay);
    }
    return synthetic(subjectId);
  }

  /** A deterministic but varied report: most subjects clean, some with each kind of trouble. */
  public static BureauReport synthetic(String subjectId) {
    SplittableRandom random = new SplittableRandom(seed(subjectId));
    int history = random.nextInt(10) == 0 ? 0 : 6 + random.nextInt(180);
    int overdue = random.nextInt(100) < 80 ? 0 : 1 + random.nextInt(4);
    boolean currentlyOverdue = overdue > 0 && random.nextInt(4) == 0;
    int loans = random.nextInt(100) < 60 ? 0 : 1 + random.nextInt(3);
    long outstandingYuan = loans == 0 ? 0 : loans * (5_000L + random.nextInt(95_000));
    int lawsuits = random.nextInt(100) < 95 ? 0 : 1 + random.nextInt(2);
    List<Vin> pledged = new ArrayList<>();
    int vehicles = random.nextInt(100) < 85 ? 0 : 1 + random.nextInt(2);
    for (int i = 0; i < vehicles; i++) {
      pledged.add(randomVin(random));
    }
    return new BureauReport(
        history, overdue, currentlyOverdue, loans, Money.yuan(outstandingYuan), lawsuits, pledged);
  }

  static Vin randomVin(SplittableRandom random) {
    char[] chars = new char[17];
    for (int i = 0; i < 17; i++) {
      chars[i] = VIN_CHARACTERS.charAt(random.nextInt(VIN_CHARACTERS.length()));
    }
    chars[8] = Vin.checkDigitFor(new String(chars));
    return new Vin(new String(chars));
  }

  private static long seed(String subjectId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(subjectId.getBytes(StandardCharsets.UTF_8));
      long seed = 0;
      for (int i = 0; i < 8; i++) {
        seed = (seed << 8) | (hash[i] & 0xff);
      }
      return seed;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BureauUnavailable("Interrupted while waiting for the credit bureau");
    }
  }
}
