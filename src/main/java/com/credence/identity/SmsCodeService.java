package com.credence.identity;

import com.credence.identity.domain.Masking;
import com.credence.identity.domain.PersonalDataCipher;
import com.credence.identity.domain.SmsCodes;
import com.credence.identity.domain.SmsGateway;
import com.credence.identity.domain.Users;
import com.credence.shared.Ids;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Issues and checks SMS codes: six random digits, stored as a keyed hash, valid for a few minutes,
 * single use, a few tries each; a newer code voids the older ones of the same purpose.
 */
@Component
class SmsCodeService {

  private static final Logger log = LoggerFactory.getLogger(SmsCodeService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SmsCodes codes;
  private final Users users;
  private final SmsGateway gateway;
  private final PersonalDataCipher cipher;
  private final RateLimits rateLimits;
  private final IdentityProperties properties;
  private final Clock clock;

  SmsCodeService(
      SmsCodes codes,
      Users users,
      SmsGateway gateway,
      PersonalDataCipher cipher,
      RateLimits rateLimits,
      IdentityProperties properties,
      Clock clock) {
    this.codes = codes;
    this.users = users;
    this.gateway = gateway;
    this.cipher = cipher;
    this.rateLimits = rateLimits;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Sends a code. For purposes other than registration, an unknown phone gets no message but the
   * same answer, so that the endpoint does not reveal who is registered.
   */
  void request(String phone, SmsPurpose purpose, String clientAddress) {
    if (!rateLimits.trySmsFromAddress(clientAddress)) {
      throw IdentityProblems.rateLimited("SMS codes from this address");
    }
    if (!rateLimits.trySmsToPhone(phoneKey(phone))) {
      throw IdentityProblems.rateLimited("SMS codes for this mobile number");
    }
    boolean registered = users.existsByPhone(phone);
    if (purpose == SmsPurpose.REGISTER && registered) {
      throw IdentityProblems.phoneTaken();
    }
    if (purpose != SmsPurpose.REGISTER && !registered) {
      log.info("SMS code for {} to unregistered {} not sent", purpose, Masking.phone(phone));
      return;
    }
    String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    Instant now = clock.instant();
    codes.insert(
        Ids.newId(clock),
        phone,
        purpose,
        hash(phone, purpose, code),
        now,
        now.plus(properties.sms().ttlFor(purpose)));
    gateway.send(phone, purpose, code, text(purpose, code, properties.sms().ttlFor(purpose)));
    log.info("SMS code for {} sent to {}", purpose, Masking.phone(phone));
  }

  /**
   * Checks a code and marks it used. Wrong tries are counted (and committed) even though the
   * caller's request then fails.
   */
  void verifyAndConsume(String phone, SmsPurpose purpose, String code) {
    Instant now = clock.instant();
    SmsCodes.StoredCode stored =
        codes
            .latest(phone, purpose)
            .orElseThrow(
                () ->
                    IdentityProblems.smsCodeInvalid("The SMS code is wrong; request a code first"));
    if (stored.consumedAt() != null) {
      throw IdentityProblems.smsCodeInvalid("The SMS code was used already; request a new one");
    }
    if (stored.attempts() >= properties.sms().maxAttempts()) {
      throw IdentityProblems.smsCodeInvalid(
          "Too many wrong tries for this SMS code; request a new one");
    }
    if (!now.isBefore(stored.expiresAt())) {
      throw IdentityProblems.smsCodeExpired();
    }
    String given = code == null ? "" : code.trim();
    if (!MessageDigest.isEqual(stored.codeHash(), hash(phone, purpose, given))) {
      codes.recordWrongAttempt(stored.id());
      throw IdentityProblems.smsCodeInvalid("The SMS code is wrong");
    }
    if (!codes.consume(stored.id(), now)) {
      throw IdentityProblems.smsCodeInvalid("The SMS code was used already; request a new one");
    }
  }

  private byte[] hash(String phone, SmsPurpose purpose, String code) {
    return cipher.lookupHash("sms-code", phone + ':' + purpose + ':' + code);
  }

  private String phoneKey(String phone) {
    return HexFormat.of().formatHex(cipher.lookupHash("rate-limit", phone), 0, 16);
  }

  private static String text(SmsPurpose purpose, String code, java.time.Duration ttl) {
    String what =
        switch (purpose) {
          case REGISTER -> "注册";
          case LOGIN -> "登录";
          case RESET_PASSWORD -> "重置密码";
          case WITHDRAW -> "提现";
        };
    return "【信鉴】您的" + what + "验证码是" + code + "，" + Math.max(1, ttl.toMinutes()) + "分钟内有效。请勿泄露给他人。";
  }
}
