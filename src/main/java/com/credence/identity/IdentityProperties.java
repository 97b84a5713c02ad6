package com.credence.identity;

import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity module ({@code credence.identity.*}). Per-address rate limits left empty
 * take the production default, or a high one in simulation mode (see docs/modules/identity.md).
 */
@ConfigurationProperties("credence.identity")
public record IdentityProperties(
    @DefaultValue Sms sms,
    @DefaultValue Login login,
    @DefaultValue Registration registration,
    @DefaultValue Tokens tokens,
    @DefaultValue Kyc kyc,
    @DefaultValue RiskAssessment riskAssessment,
    @DefaultValue Encryption encryption,
    @DefaultValue Passwords passwords,
    @Nullable Map<RiskLevel, LevelPolicy> suitability) {

  public IdentityProperties {
    Map<RiskLevel, LevelPolicy> merged = new EnumMap<>(RiskLevel.class);
    merged.put(RiskLevel.CONSERVATIVE, new LevelPolicy(List.of("A"), "50000.00"));
    merged.put(RiskLevel.CAUTIOUS, new LevelPolicy(List.of("A", "B"), "100000.00"));
    merged.put(RiskLevel.BALANCED, new LevelPolicy(List.of("A", "B", "C"), "300000.00"));
    merged.put(RiskLevel.GROWTH, new LevelPolicy(List.of("A", "B", "C", "D"), "1000000.00"));
    merged.put(
        RiskLevel.AGGRESSIVE, new LevelPolicy(List.of("A", "B", "C", "D", "E"), "5000000.00"));
    if (suitability != null) {
      merged.putAll(suitability);
    }
    suitability = Map.copyOf(merged);
  }

  /** SMS codes: lifetime, tries and per-phone / per-address limits. */
  public record Sms(
      @DefaultValue("5m") Duration codeTtl,
      @Nullable Map<SmsPurpose, Duration> codeTtlOverrides,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("5") int perPhonePerHour,
      @DefaultValue("10") int perPhonePerDay,
      @Nullable Integer perIpPerHour) {

    public Duration ttlFor(SmsPurpose purpose) {
      return codeTtlOverrides == null ? codeTtl : codeTtlOverrides.getOrDefault(purpose, codeTtl);
    }
  }

  /** Lockout after repeated failures and the per-address limit of login attempts. */
  public record Login(
      @DefaultValue("5") int maxFailures,
      @DefaultValue("15m") Duration lockout,
      @Nullable Integer perIpPerMinute) {}

  /** Registrations per address. */
  public record Registration(@Nullable Integer perIpPerHour) {}

  /**
   * API token lifetime, and how long a node may answer a token from memory (0 turns the cache off;
   * revocation on another node takes effect within this time).
   */
  public record Tokens(@DefaultValue("12h") Duration ttl, @DefaultValue("10s") Duration cacheTtl) {}

  /** Real-name verification. */
  public record Kyc(@DefaultValue("18") int minimumAge, @DefaultValue("5") int attemptsPerDay) {}

  /** How long a questionnaire result stays valid. */
  public record RiskAssessment(@DefaultValue("P1Y") Period validity) {}

  /**
   * Where the personal-data master key comes from: {@code master-key} (base64, 32 bytes) wins;
   * otherwise a PKCS12 keystore, by default {@code <data-dir>/keys/personal-data.p12}, generated on
   * first start with a random password kept beside it.
   */
  public record Encryption(
      @Nullable String masterKey,
      @Nullable String keyStore,
      @Nullable String keyStorePassword,
      @DefaultValue("personal-data") String keyAlias) {

    @Override
    public String toString() {
      return "Encryption[masterKey="
          + (masterKey == null ? "unset" : "***")
          + ", keyStore="
          + keyStore
          + "]";
    }
  }

  /**
   * The work factor of new Argon2id password hashes: memory in KiB, passes, lanes. The defaults are
   * Spring Security's (16 MiB, 2 passes, 1 lane), about 70 ms a hash on one core here; hashes keep
   * their own parameters, so a change applies to passwords set after it.
   */
  public record Passwords(
      @DefaultValue("16384") int argon2MemoryKib,
      @DefaultValue("2") int argon2Iterations,
      @DefaultValue("1") int argon2Parallelism) {

    public Passwords {
      if (argon2Parallelism < 1 || argon2Parallelism > 16) {
        throw new IllegalArgumentException("credence.identity.passwords.argon2-parallelism 1..16");
      }
      if (argon2MemoryKib < 8 * argon2Parallelism || argon2MemoryKib > 4_194_304) {
        throw new IllegalArgumentException(
            "credence.identity.passwords.argon2-memory-kib from 8 per lane to 4194304");
      }
      if (argon2Iterations < 1 || argon2Iterations > 100) {
        throw new IllegalArgumentException("credence.identity.passwords.argon2-iterations 1..100");
      }
    }

    /** Below the defaults: fine for a benchmark's throw-away users, not for real ones. */
    public boolean weakerThanDefault() {
      return argon2MemoryKib < 16_384 || argon2Iterations < 2;
    }
  }

  /** Which loan grades a level may buy and how much principal it may hold in total, in yuan. */
  public record LevelPolicy(List<String> grades, String maxHolding) {}
}
