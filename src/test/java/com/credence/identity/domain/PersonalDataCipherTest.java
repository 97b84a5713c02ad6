package com.credence.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

  private final PersonalDataCipher cipher = new PersonalDataCipher(key());

  @Test
  void roundTripsAndUsesAFreshNonceEachTime() {
    byte[] first = cipher.encrypt("13812345678", "phone|u1");
    byte[] second = cipher.encrypt("13812345678", "phone|u1");
    assertThat(first).isNotEqualTo(second);
    assertThat(cipher.decrypt(first, "phone|u1")).isEqualTo("13812345678");
    assertThat(cipher.decrypt(second, "phone|u1")).isEqualTo("13812345678");
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
    assertThat(cipher.decrypt(cipher.encrypt("王小明", "real_name|u1"), "real_name|u1"))
        .isEqualTo("王小明");
  }

  @Test
  void detectsATamperedByte() {
    byte[] sealed = cipher.encrypt("110105194912311234", "id_number|u1");
    for (int i = 1; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> cipher.decrypt(tampered, "id_number|u1"))
          .isInstanceOf(PersonalDataCipher.TamperedDataException.class);
    }
  }

  @Test
  void refusesAValueMovedToAnotherFieldOrOwner() {
    byte[] sealed = cipher.encrypt("13812345678", "phone|u1");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "phone|u2"))
        .isInstanceOf(PersonalDataCipher.TamperedDataException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, "real_name|u1"))
        .isInstanceOf(PersonalDataCipher.TamperedDataException.class);
  }

  @Test
  void refusesTruncatedDataAndAnotherKey() {
    byte[] sealed = cipher.encrypt("x", "f");
    assertThatThrownBy(() -> cipher.decrypt(java.util.Arrays.copyOf(sealed, 10), "f"))
        .isInstanceOf(PersonalDataCipher.TamperedDataException.class);
    assertThatThrownBy(() -> new PersonalDataCipher(key()).decrypt(sealed, "f"))
        .isInstanceOf(PersonalDataCipher.TamperedDataException.class);
  }

  @Test
  void lookupHashIsStablePerFieldAndKeyed() {
    assertThat(cipher.lookupHash("phone", "13812345678"))
        .isEqualTo(cipher.lookupHash("phone", "13812345678"));
    assertThat(cipher.lookupHash("phone", "13812345678"))
        .isNotEqualTo(cipher.lookupHash("phone", "13812345679"));
    assertThat(cipher.lookupHash("phone", "1")).isNotEqualTo(cipher.lookupHash("id_number", "1"));
    assertThat(new PersonalDataCipher(key()).lookupHash("phone", "13812345678"))
        .isNotEqualTo(cipher.lookupHash("phone", "13812345678"));
  }

  @Test
  void refusesShortKeys() {
    assertThatThrownBy(() -> new PersonalDataCipher(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
