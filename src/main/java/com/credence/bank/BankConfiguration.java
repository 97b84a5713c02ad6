package com.credence.bank;

import com.credence.bank.domain.CallbackSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The callback secret: from the settings, or generated into the data directory on first start
 * (never in the repository, never logged).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BankProperties.class)
class BankConfiguration {

  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Bean
  CallbackSignature bankCallbackSignature(
      BankProperties properties, @Value("${credence.data-dir:./data}") Path dataDir) {
    return new CallbackSignature(secret(properties, dataDir));
  }

  static byte[] secret(BankProperties properties, Path dataDir) {
    String configured = properties.callbackSecret();
    if (configured != null && !configured.isBlank()) {
      return Base64.getDecoder().decode(configured.trim());
    }
    Path file = dataDir.resolve("bank").resolve("callback-secret");
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] fresh = new byte[SECRET_BYTES];
        RANDOM.nextBytes(fresh);
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.UTF_8);
        restrict(file);
      }
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or create the bank callback secret", e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the data directory's own permissions protect the file.
      return;
    }
  }
}
