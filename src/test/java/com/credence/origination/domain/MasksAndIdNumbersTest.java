package com.credence.origination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MasksAndIdNumbersTest {

  @Test
  void masksKeepOnlyWhatScreensNeed() {
    assertThat(Masks.plate("沪A12345")).isEqualTo("沪A***45");
    assertThat(Masks.vin("LSVAB2180E2123456")).isEqualTo("****3456");
    assertThat(Masks.name("欧阳娜娜")).isEqualTo("欧***");
    assertThat(Masks.name("李")).isEqualTo("*");
    assertThat(Masks.keep("310012345678", 2, 2)).isEqualTo("31********78");
    assertThat(Masks.keep("ab", 2, 2)).isEqualTo("**");
  }

  @Test
  void birthDateComesFromTheIdNumber() {
    assertThat(IdNumbers.birthDate("11010519850615123X")).hasValue(LocalDate.of(1985, 6, 15));
    assertThat(IdNumbers.birthDate("110105198513151234")).isEmpty();
    assertThat(IdNumbers.birthDate("1101051985061512")).isEmpty();
  }

  @Test
  void onlyOpenStatusesMayBeCancelled() {
    assertThat(ApplicationStatus.SUBMITTED.isOpen()).isTrue();
    assertThat(ApplicationStatus.SCREENING.isOpen()).isTrue();
    assertThat(ApplicationStatus.IN_REVIEW.isOpen()).isTrue();
    assertThat(ApplicationStatus.APPROVED.isOpen()).isFalse();
    assertThat(ApplicationStatus.REJECTED.isOpen()).isFalse();
    assertThat(ApplicationStatus.LISTED.isOpen()).isFalse();
    assertThat(ApplicationStatus.CANCELLED.isOpen()).isFalse();
  }
}
