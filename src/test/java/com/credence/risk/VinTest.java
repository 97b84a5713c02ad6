package com.credence.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.risk.sim.SimulatedCreditBureau;
import com.credence.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VinTest {

  @ParameterizedTest
  @ValueSource(strings = {"1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352"})
  void acceptsVinsWithTheRightCheckDigit(String vin) {
    assertThat(new Vin(vin).value()).isEqualTo(vin);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1M8GDM9A1KP042788", // wrong check digit
        "1M8GDM9AXKP04278", // 16 characters
        "1M8GDM9AXKP0427880", // 18 characters
        "IM8GDM9AXKP042788", // I is not allowed
        "1M8GDM9AXKP0427O8", // O is not allowed
        "1m8gdm9axkp042788" // lower case is not a VIN until parsed
      })
  void refusesInvalidVins(String vin) {
    assertThatThrownBy(() -> new Vin(vin))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.code()).isEqualTo("VIN_INVALID"));
  }

  @Test
  void parseTrimsAndUpperCases() {
    assertThat(Vin.parse(" 1m8gdm9axkp042788 ")).isEqualTo(new Vin("1M8GDM9AXKP042788"));
  }

  @Test
  void everySingleCharacterChangeIsCaughtUnlessItKeepsTheSum() {
    String vin = "1HGCM82633A004352";
    int caught = 0;
    int changes = 0;
    for (int i = 0; i < 17; i++) {
      if (i == 8) {
        continue;
      }
      for (char c : "0123456789ABCDEFGHJKLMNPRSTUVWXYZ".toCharArray()) {
        if (c != vin.charAt(i)) {
          changes++;
          String changed = vin.substring(0, i) + c + vin.substring(i + 1);
          if (!Vin.isValid(changed)) {
            caught++;
          }
        }
      }
    }
    // Letters share transliteration values (A and J are both 1), so not every change is caught.
    assertThat(caught).isGreaterThan(changes * 8 / 10);
  }

  @Test
  void syntheticBureauVinsAreValid() {
    for (int i = 0; i < 500; i++) {
      for (Vin vin : SimulatedCreditBureau.synthetic("subject-" + i).pledgedVins()) {
        assertThat(Vin.isValid(vin.value())).isTrue();
      }
    }
  }
}
