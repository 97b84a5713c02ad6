package com.credence.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B, SHA-1 rows (8 digits). */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesTheRfcVectors(long epochSecond, String expected) {
    long step = Totp.stepOf(Instant.ofEpochSecond(epochSecond));
    assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(expected);
    assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(epochSecond)))
        .isEqualTo(expected.substring(2));
  }

  @Test
  void acceptsOneStepOfDriftAndRefusesMore() {
    Instant now = Instant.ofEpochSecond(1_111_111_111);
    String previous = Totp.code(RFC_SECRET, now.minusSeconds(30));
    String tooOld = Totp.code(RFC_SECRET, now.minusSeconds(90));
    assertThat(Totp.verify(RFC_SECRET, previous, now, 0)).hasValue(Totp.stepOf(now) - 1);
    assertThat(Totp.verify(RFC_SECRET, tooOld, now, 0)).isEmpty();
  }

  @Test
  void refusesAReplayedStep() {
    Instant now = Instant.ofEpochSecond(1_234_567_890);
    String code = Totp.code(RFC_SECRET, now);
    long step = Totp.verify(RFC_SECRET, code, now, 0).orElseThrow();
    assertThat(Totp.verify(RFC_SECRET, code, now, step)).isEmpty();
  }

  @Test
  void refusesMalformedCodes() {
    Instant now = Instant.ofEpochSecond(59);
    assertThat(Totp.verify(RFC_SECRET, null, now, 0)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "28708", now, 0)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "abcdef", now, 0)).isEmpty();
  }

  @Test
  void base32RoundTripsAndMatchesTheRfcExample() {
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Base32.decode("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    Random random = new Random(42);
    for (int i = 0; i < 100; i++) {
      byte[] data = new byte[random.nextInt(40)];
      random.nextBytes(data);
      assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
    }
  }

  @Test
  void otpauthUriNamesIssuerAndParameters() {
    assertThat(Totp.otpauthUri("Credence", "138****5678", "JBSWY3DPEHPK3PXP"))
        .isEqualTo(
            "otpauth://totp/Credence:138****5678?secret=JBSWY3DPEHPK3PXP&issuer=Credence" // secrets-scan:allow (RFC 4226 example secret)
                + "&algorithm=SHA1&digits=6&period=30");
  }
}
