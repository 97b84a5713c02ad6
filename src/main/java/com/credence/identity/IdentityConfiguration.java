package com.credence.identity;

import com.credence.identity.domain.PersonalDataCipher;
import java.nio.file.Path;
import java.util.Map;
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

  @Bean
  PersonalDataCipher personalDataCipher(
      IdentityProperties properties, @Value("${credence.data-dir:./data}") Path dataDir) {
    return new PersonalDataCipher(PersonalDataKeys.load(properties.encryption(), dataDir));
  }

  /** Argon2id for new hashes; bcrypt still verifies, should hashes ever be imported. */
  @Bean
  PasswordEncoder passwordEncoder() {
    Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    return new DelegatingPasswordEncoder(
        "argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
  }
}
