package com.credence.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the personal-data master key from configuration or a PKCS12 keystore; for the embedded
 * default, generates the keystore under the data directory on first start. The key is never in the
 * repository and never logged.
 */
final class PersonalDataKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);
  private static final int KEY_BYTES = 32;

  private PersonalDataKeys() {}

  static byte[] load(IdentityProperties.Encryption settings, Path dataDir) {
    if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
      byte[] key = Base64.getDecoder().decode(settings.masterKey().trim());
      if (key.length < KEY_BYTES) {
        throw new IllegalStateException(
            "credence.identity.encryption.master-key must be 32 bytes, base64");
      }
      return key;
    }
    boolean explicit = settings.keyStore() != null && !settings.keyStore().isBlank();
    Path keyStore =
        explicit
            ? Path.of(settings.keyStore())
            : dataDir.resolve("keys").resolve("personal-data.p12");
    Path passwordFile = keyStore.resolveSibling(keyStore.getFileName() + ".password");
    try {
      if (!Files.isRegularFile(keyStore)) {
        if (explicit) {
          throw new IllegalStateException("The personal-data keystore does not exist: " + keyStore);
        }
        generate(keyStore, passwordFile, settings.keyAlias());
      }
      char[] password =
          settings.keyStorePassword() != null
              ? settings.keyStorePassword().toCharArray()
              : Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        store.load(in, password);
      }
      Key key = store.getKey(settings.keyAlias(), password);
      if (key == null || key.getEncoded() == null || key.getEncoded().length < KEY_BYTES) {
        throw new IllegalStateException(
            "No 256-bit key '" + settings.keyAlias() + "' in " + keyStore);
      }
      return key.getEncoded();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the personal-data key from " + keyStore, e);
    }
  }

  private static void generate(Path keyStore, Path passwordFile, String alias)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(keyStore.getParent());
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    char[] password = HexFormat.of().formatHex(secret).toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setEntry(
        alias,
        new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
        new KeyStore.PasswordProtection(password));
    try (OutputStream out = Files.newOutputStream(keyStore)) {
      store.store(out, password);
    }
    Files.writeString(passwordFile, new String(password), StandardCharsets.UTF_8);
    restrict(keyStore);
    restrict(passwordFile);
    log.info(
        "Generated a new personal-data encryption key in {}; back it up: without it the data cannot be read",
        keyStore.toAbsolutePath());
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      log.warn("Could not restrict the permissions of {}", file);
    }
  }
}
