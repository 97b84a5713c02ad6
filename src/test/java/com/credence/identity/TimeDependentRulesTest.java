package com.credence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.identity.domain.ApiTokens;
import com.credence.identity.domain.RiskAssessments;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Rules that depend on time, with a clock the test moves: questionnaire expiry and lock expiry. */
class TimeDependentRulesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
  private final IdentityProperties properties =
      Binder.get(new StandardEnvironment())
          .bindOrCreate("credence.identity", IdentityProperties.class);
  private final InMemoryUsers users = new InMemoryUsers();
  private final UUID userId = UUID.randomUUID();

  @Test
  void aQuestionnaireIsValidForOneYearThenSuitabilityAsksForANewOne() {
    users.insert(userId, "13900000042", EnumSet.of(Role.INVESTOR), "x", clock.instant());
    RiskProfileService service =
        new RiskProfileService(new InMemoryAssessments(), users, properties, clock, e -> {});
    RiskAssessmentResult result = service.submit(userId, List.of(2, 2, 3, 2, 2, 3, 3, 3, 3, 3));
    assertThat(result.validUntil()).isEqualTo(LocalDate.of(2027, 11, 24));

    clock.advance(Duration.ofDays(364));
    assertThat(service.check(userId, "C", Money.yuan(1000)).suitable()).isTrue();
    assertThat(service.current(userId)).isPresent();

    clock.advance(Duration.ofDays(1));
    Suitability expired = service.check(userId, "C", Money.yuan(1000));
    assertThat(expired.reason()).isEqualTo(Suitability.RISK_ASSESSMENT_EXPIRED);
    assertThat(service.current(userId)).isEmpty();
  }

  @Test
  void aLockLiftsWhenItsTimeIsOver() {
    PasswordEncoder plain =
        new PasswordEncoder() {
          @Override
          public String encode(CharSequence raw) {
            return "plain:" + raw;
          }

          @Override
          public boolean matches(CharSequence raw, String encoded) {
            return encoded.equals("plain:" + raw);
          }
        };
    users.insert(
        userId,
        "13900000043",
        EnumSet.of(Role.INVESTOR),
        plain.encode("Right-password-1"),
        clock.instant());
    LoginService logins =
        new LoginService(
            users,
            new NoTokens(),
            null,
            plain,
            new RateLimits(properties, clock, true),
            properties,
            clock);

    for (int i = 0; i < 4; i++) {
      assertCode(
          () -> logins.authenticate("13900000043", "wrong", null, null, "1.2.3.4"),
          "INVALID_CREDENTIALS");
    }
    assertCode(
        () -> logins.authenticate("13900000043", "wrong", null, null, "1.2.3.4"), "ACCOUNT_LOCKED");
    clock.advance(Duration.ofMinutes(14));
    assertCode(
        () -> logins.authenticate("13900000043", "Right-password-1", null, null, "1.2.3.4"),
        "ACCOUNT_LOCKED");
    clock.advance(Duration.ofMinutes(1));
    assertThat(logins.authenticate("13900000043", "Right-password-1", null, null, "1.2.3.4").id())
        .isEqualTo(userId);
  }

  @Test
  void addressLimitsRefillWithTime() {
    IdentityProperties strict =
        Binder.get(new StandardEnvironment())
            .bindOrCreate("credence.identity", IdentityProperties.class);
    RateLimits limits = new RateLimits(strict, clock, false);
    for (int i = 0; i < 30; i++) {
      assertThat(limits.tryLoginFromAddress("5.6.7.8")).isTrue();
    }
    assertThat(limits.tryLoginFromAddress("5.6.7.8")).isFalse();
    assertThat(limits.tryLoginFromAddress("5.6.7.9")).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(limits.tryLoginFromAddress("5.6.7.8")).isTrue();
  }

  private static void assertCode(Runnable action, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static final class InMemoryAssessments implements RiskAssessments {
    private final List<Assessment> stored = new ArrayList<>();

    @Override
    public void insert(UUID id, UUID userId, Assessment assessment, List<Integer> answers) {
      stored.add(assessment);
    }

    @Override
    public Optional<Assessment> latest(UUID userId) {
      return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(stored.size() - 1));
    }

    @Override
    public Optional<SuitabilityFacts> suitabilityFacts(UUID userId) {
      return Optional.of(new SuitabilityFacts(KycStatus.VERIFIED, latest(userId)));
    }
  }

  private static final class NoTokens implements ApiTokens {
    @Override
    public void insert(byte[] tokenHash, UUID userId, Instant createdAt, Instant expiresAt) {}

    @Override
    public Optional<TokenOwner> findLive(byte[] tokenHash, Instant now) {
      return Optional.empty();
    }

    @Override
    public boolean revoke(byte[] tokenHash, Instant now) {
      return false;
    }

    @Override
    public int revokeAllOf(UUID userId, Instant now) {
      return 0;
    }
  }
}
