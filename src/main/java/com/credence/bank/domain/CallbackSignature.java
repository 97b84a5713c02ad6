package com.credence.bank.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the bank's callbacks over {@code timestamp + "\n" + nonce + "\n" +
 * body}, hex encoded. The timestamp is epoch seconds; a callback outside the window is late (or
 * from the future) and refused.
 */
public final class CallbackSignature {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int SECRET_BYTES_MIN = 32;

  private final byte[] secret;

  public CallbackSignature(byte[] secret) {
    if (secret.length < SECRET_BYTES_MIN) {
      throw new IllegalArgumentException("The callback secret needs at least 32 bytes");
    }
    this.secret = secret.clone();
  }

  /** The verdict on one callback's headers and body. */
  public enum Verdict {
    VALID,
    MISSING,
    BAD_SIGNATURE,
    OUTSIDE_WINDOW
  }

  public String sign(long timestampSeconds, String nonce, String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      byte[] digest =
          mac.doFinal(
              (timestampSeconds + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * Checks the signature first (so that an attacker learns nothing from the clock), then the time
   * window. Replays are the caller's part: it records each valid nonce once.
   */
  public Verdict verify(
      String timestampText,
      String nonce,
      String signature,
      String body,
      Instant now,
      Duration window) {
    if (timestampText.isBlank() || nonce.isBlank() || signature.isBlank() || nonce.length() > 64) {
      return Verdict.MISSING;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampText);
    } catch (NumberFormatException e) {
      return Verdict.MISSING;
    }
    byte[] expected = sign(timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Verdict.BAD_SIGNATURE;
    }
    long skew = Math.abs(now.getEpochSecond() - timestamp);
    return skew > window.toSeconds() ? Verdict.OUTSIDE_WINDOW : Verdict.VALID;
  }
}
