package com.credence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.identity.IdentityProperties.Passwords;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordWorkFactorTest {

  private static PasswordEncoder encoder(Passwords passwords) {
    return new IdentityConfiguration()
        .passwordEncoder(
            new IdentityProperties(null, null, null, null, null, null, null, passwords, null));
  }

  @Test
  void newHashesCarryTheConfiguredParametersAndOldOnesStillVerify() {
    PasswordEncoder standard = encoder(new Passwords(16_384, 2, 1));
    PasswordEncoder light = encoder(new Passwords(1_024, 1, 1));
    String standardHash = standard.encode("Secret-123");
    String lightHash = light.encode("Secret-123");
    assertThat(standardHash).startsWith("{argon2}$argon2id$").contains("m=16384,t=2,p=1");
    assertThat(lightHash).contains("m=1024,t=1,p=1");
    // A hash keeps its own parameters: either encoder verifies both.
    assertThat(light.matches("Secret-123", standardHash)).isTrue();
    assertThat(standard.matches("Secret-123", lightHash)).isTrue();
    assertThat(standard.matches("Secret-124", lightHash)).isFalse();
  }

  @Test
  void onlyTheLighterSettingsAreWeakerThanTheDefault() {
    assertThat(new Passwords(16_384, 2, 1).weakerThanDefault()).isFalse();
    assertThat(new Passwords(65_536, 3, 2).weakerThanDefault()).isFalse();
    assertThat(new Passwords(1_024, 2, 1).weakerThanDefault()).isTrue();
    assertThat(new Passwords(16_384, 1, 1).weakerThanDefault()).isTrue();
  }

  @Test
  void parametersArgon2CannotUseAreRefusedAtStart() {
    assertThatThrownBy(() -> new Passwords(16_384, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argon2-iterations");
    assertThatThrownBy(() -> new Passwords(15, 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argon2-memory-kib");
    assertThatThrownBy(() -> new Passwords(16_384, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argon2-parallelism");
  }
}
