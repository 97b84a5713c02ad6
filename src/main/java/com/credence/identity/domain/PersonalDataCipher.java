package com.credence.identity.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-256-GCM and computes keyed look-up hashes (HMAC-SHA256)
 * for uniqueness and search. Both keys are derived from one master key, so that the look-up hash
 * reveals nothing about the ciphertext key. A ciphertext is {@code version(1) | nonce(12) |
 * ciphertext+tag}; the field name (and owner) is bound in as associated data, so a value copied to
 * another column or row fails to decrypt.
 */
public final class PersonalDataCipher {

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey encryptionKey;
  private final SecretKey lookupKey;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param masterKey 32 random bytes from configuration or the keystore
   */
  public PersonalDataCipher(byte[] masterKey) {
    if (masterKey.length < 32) {
      throw new IllegalArgumentException(
          "The personal-data master key must have at least 32 bytes");
    }
    this.encryptionKey =
        new SecretKeySpec(derive(masterKey, "credence/personal-data/aes-gcm/v1"), "AES");
    this.lookupKey =
        new SecretKeySpec(derive(masterKey, "credence/personal-data/lookup/v1"), "HmacSHA256");
  }

  /** Thrown when a ciphertext was altered, truncated or moved to another field. */
  public static final class TamperedDataException extends RuntimeException {
    TamperedDataException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public byte[] encrypt(String plaintext, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(context));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  public String decrypt(byte[] data, String context) {
    if (data.length < 1 + NONCE_BYTES + TAG_BITS / 8 || data[0] != VERSION) {
      throw new TamperedDataException("Unknown ciphertext format", null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          encryptionKey,
          new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(data, 1, 1 + NONCE_BYTES)));
      cipher.updateAAD(aad(context));
      byte[] plain = cipher.doFinal(data, 1 + NONCE_BYTES, data.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new TamperedDataException("Ciphertext failed authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The keyed hash of a normalized value within a field, for equality look-ups. */
  public byte[] lookupHash(String field, String normalizedValue) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(lookupKey);
      return mac.doFinal((field + '\u0000' + normalizedValue).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] aad(String context) {
    return ("credence:" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] derive(byte[] master, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
