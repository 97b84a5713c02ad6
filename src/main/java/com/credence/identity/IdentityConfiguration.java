package com.credence.identity;

import com.credence.identity.domain.PersonalDataCipher;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans of the identity module that are not services: the cipher and the password hash. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityConfiguration.class);
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  @Bean
  PersonalDataCipher personalDataCipher(
      IdentityProperties properties, @Value("${credence.data-dir:./data}") Path dataDir) {
    return new PersonalDataCipher(PersonalDataKeys.load(properties.encryption(), dataDir));
  }

  /**
   * Argon2id for new hashes, with the configured work factor ({@link
   * IdentityProperties.Passwords}); bcrypt still verifies, should hashes ever be imported.
   */
  @Bean
  PasswordEncoder passwordEncoder(IdentityProperties properties) {
    IdentityProperties.Passwords p = properties.passwords();
    if (p.weakerThanDefault()) {
      LOG.warn(
          "Password hashes are made below the default work factor ({} KiB, passes {}): only for"
              + " throw-away users",
          p.argon2MemoryKib(),
          p.argon2Iterations());
    }
    Argon2PasswordEncoder argon2 =
        new Argon2PasswordEncoder(
            SALT_BYTES,
            HASH_BYTES,
            p.argon2Parallelism(),
            p.argon2MemoryKib(),
            p.argon2Iterations());
    return new DelegatingPasswordEncoder(
        "argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
  }
}
