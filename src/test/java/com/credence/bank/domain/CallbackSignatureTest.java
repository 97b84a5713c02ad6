package com.credence.bank.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(5);

  private final CallbackSignature signature = new CallbackSignature(SECRET);

  @Test
  void matchesAnIndependentHmacSha256() {
    // printf '1700000000\nn1\n{}' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
    assertThat(signature.sign(1_700_000_000L, "n1", "{}"))
        .isEqualTo("365145e545cb52dcf87b9a7937d5d2611374bbb8aa9753d9a799835a38d97c20");
  }

  @Test
  void acceptsItsOwnSignatureInsideTheWindow() {
    long ts = NOW.getEpochSecond() - 299;
    String sig = signature.sign(ts, "nonce", "{\"a\":1}");
    assertThat(signature.verify(Long.toString(ts), "nonce", sig, "{\"a\":1}", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.VALID);
    assertThat(
            signature.verify(
                Long.toString(ts),
                "nonce",
                sig.toUpperCase(java.util.Locale.ROOT),
                "{\"a\":1}",
                NOW,
                WINDOW))
        .isEqualTo(CallbackSignature.Verdict.VALID);
  }

  @Test
  void refusesAnyChangedPart() {
    long ts = NOW.getEpochSecond();
    String sig = signature.sign(ts, "nonce", "body");
    assertThat(signature.verify(Long.toString(ts), "nonce", sig, "body!", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.BAD_SIGNATURE);
    assertThat(signature.verify(Long.toString(ts), "other", sig, "body", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.BAD_SIGNATURE);
    assertThat(signature.verify(Long.toString(ts + 1), "nonce", sig, "body", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.BAD_SIGNATURE);
    CallbackSignature otherKey =
        new CallbackSignature(
            "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    assertThat(otherKey.verify(Long.toString(ts), "nonce", sig, "body", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.BAD_SIGNATURE);
  }

  @Test
  void refusesLateAndFutureCallbacks() {
    for (long skew : new long[] {301, -301, 86_400}) {
      long ts = NOW.getEpochSecond() - skew;
      String sig = signature.sign(ts, "n", "b");
      assertThat(signature.verify(Long.toString(ts), "n", sig, "b", NOW, WINDOW))
          .as("skew %d", skew)
          .isEqualTo(CallbackSignature.Verdict.OUTSIDE_WINDOW);
    }
  }

  @Test
  void missingPartsAreMissing() {
    assertThat(signature.verify("", "n", "s", "b", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.MISSING);
    assertThat(signature.verify("12", "", "s", "b", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.MISSING);
    assertThat(signature.verify("12", "n", "", "b", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.MISSING);
    assertThat(signature.verify("soon", "n", "s", "b", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.MISSING);
    assertThat(signature.verify("12", "n".repeat(65), "s", "b", NOW, WINDOW))
        .isEqualTo(CallbackSignature.Verdict.MISSING);
  }

  @Test
  void refusesShortSecrets() {
    assertThatThrownBy(() -> new CallbackSignature(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
