package com.credence.identity;

import com.credence.identity.domain.ApiTokens;
import com.credence.identity.domain.Masking;
import com.credence.identity.domain.PhoneNumbers;
import com.credence.identity.domain.Totp;
import com.credence.identity.domain.UserAccount;
import com.credence.identity.domain.Users;
import com.credence.shared.ApiPrincipal;
import com.credence.shared.ApiTokenAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Sign-in for the API (bearer tokens) and the pages (sessions): password or SMS code, the second
 * factor when it is on, lockout after repeated failures, and the per-address attempt limit. Also
 * the token authenticator of the API security chain.
 */
@Component
class LoginService implements ApiTokenAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(LoginService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;
  private static final int CACHE_MAX = 100_000;

  private final Users users;
  private final ApiTokens tokens;
  private final SmsCodeService smsCodes;
  private final PasswordEncoder passwords;
  private final RateLimits rateLimits;
  private final IdentityProperties properties;
  private final Clock clock;

  /** Verified against when the phone is unknown, so that both cases take as long. */
  private final String dummyHash;

  /** Live tokens answered from memory for {@code tokens.cache-ttl}; bounded, cleared when full. */
  private final Map<String, CachedPrincipal> cache = new ConcurrentHashMap<>();

  private record CachedPrincipal(ApiPrincipal principal, Instant until) {}

  LoginService(
      Users users,
      ApiTokens tokens,
      SmsCodeService smsCodes,
      PasswordEncoder passwords,
      RateLimits rateLimits,
      IdentityProperties properties,
      Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.smsCodes = smsCodes;
    this.passwords = passwords;
    this.rateLimits = rateLimits;
    this.properties = properties;
    this.clock = clock;
    this.dummyHash = passwords.encode("not-a-real-password-" + RANDOM.nextLong());
  }

  /** Checks the credentials and the second factor; the account on success, a problem otherwise. */
  UserAccount authenticate(
      String phoneText,
      @Nullable String password,
      @Nullable String smsCode,
      @Nullable String totp,
      String clientAddress) {
    if (!rateLimits.tryLoginFromAddress(clientAddress)) {
      throw IdentityProblems.rateLimited("sign-in attempts from this address");
    }
    Optional<String> phone = PhoneNumbers.normalize(phoneText);
    Optional<UserAccount> found = phone.flatMap(users::findByPhone);
    if (found.isEmpty()) {
      passwords.matches(password == null ? "" : password, dummyHash);
      throw IdentityProblems.badCredentials();
    }
    UserAccount user = found.get();
    Instant now = clock.instant();
    if (user.isLockedAt(now)) {
      throw IdentityProblems.locked(user.lockedUntil());
    }
    if (smsCode != null && !smsCode.isBlank() && (password == null || password.isEmpty())) {
      smsCodes.verifyAndConsume(user.phone(), SmsPurpose.LOGIN, smsCode);
    } else if (password == null || !passwords.matches(password, user.passwordHash())) {
      fail(user, now, IdentityProblems.badCredentials());
    }
    if (user.totpEnabled()) {
      if (totp == null || totp.isBlank()) {
        throw IdentityProblems.totpRequired();
      }
      OptionalLong step = Totp.verify(user.totpSecret(), totp.trim(), now, user.totpLastStep());
      if (step.isEmpty() || !users.useTotpStep(user.id(), step.getAsLong())) {
        fail(user, now, IdentityProblems.totpInvalid());
      }
    }
    users.recordLoginSuccess(user.id());
    log.info("User {} ({}) signed in", user.id(), Masking.phone(user.phone()));
    return user;
  }

  private void fail(UserAccount user, Instant now, RuntimeException problem) {
    Instant until = now.plus(properties.login().lockout());
    if (users.recordLoginFailure(user.id(), properties.login().maxFailures(), until)) {
      log.warn(
          "User {} ({}) locked until {} after repeated failed sign-ins",
          user.id(),
          Masking.phone(user.phone()),
          until);
      throw IdentityProblems.locked(until);
    }
    throw problem;
  }

  IssuedToken issueToken(UserAccount user) {
    byte[] raw = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = clock.instant();
    tokens.insert(sha256(token), user.id(), now, now.plus(properties.tokens().ttl()));
    return new IssuedToken(token, properties.tokens().ttl().toSeconds());
  }

  boolean revoke(String token) {
    cache.remove(cacheKey(token));
    return tokens.revoke(sha256(token), clock.instant());
  }

  int revokeAll(UUID userId) {
    forget(userId);
    return tokens.revokeAllOf(userId, clock.instant());
  }

  /** Drops the cached tokens of a user, e.g. after a change of roles. */
  void forget(UUID userId) {
    cache.values().removeIf(cached -> cached.principal().userId().equals(userId));
  }

  @Override
  public Optional<ApiPrincipal> authenticate(String token) {
    if (token.length() != 43) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String key = cacheKey(token);
    CachedPrincipal cached = cache.get(key);
    if (cached != null && now.isBefore(cached.until())) {
      return Optional.of(cached.principal());
    }
    Optional<ApiTokens.TokenOwner> owner = tokens.findLive(sha256(token), now);
    if (owner.isEmpty()) {
      cache.remove(key);
      return Optional.empty();
    }
    ApiPrincipal principal =
        new ApiPrincipal(
            owner.get().userId(),
            owner.get().roles().stream().map(Role::name).collect(Collectors.toSet()));
    Duration cacheTtl = properties.tokens().cacheTtl();
    if (!cacheTtl.isZero()) {
      if (cache.size() >= CACHE_MAX) {
        cache.clear();
      }
      Instant until = now.plus(cacheTtl);
      cache.put(
          key,
          new CachedPrincipal(
              principal,
              until.isBefore(owner.get().expiresAt()) ? until : owner.get().expiresAt()));
    }
    return Optional.of(principal);
  }

  /** The cache holds hashes, not tokens, so that a heap dump reveals none. */
  private static String cacheKey(String token) {
    return Base64.getEncoder().encodeToString(sha256(token));
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
