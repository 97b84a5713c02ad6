package com.credence.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void masksPhones() {
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    assertThat(Masking.phone("123")).isEqualTo("***");
    assertThat(Masking.phone(null)).isEqualTo("****");
  }

  @Test
  void masksIdNumbers() {
    assertThat(Masking.idNumber("110105194912311234")).isEqualTo("110***********1234");
    assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110***********002X");
    assertThat(Masking.idNumber("1234")).isEqualTo("****");
  }

  @Test
  void masksNames() {
    assertThat(Masking.name("张三")).isEqualTo("张*");
    assertThat(Masking.name("欧阳修文")).isEqualTo("欧***");
    assertThat(Masking.name("张")).isEqualTo("张*");
    assertThat(Masking.name("")).isEqualTo("*");
  }

  @Test
  void masksCardNumbers() {
    assertThat(Masking.cardNumber("6222021234567890123")).isEqualTo("6222 **** **** 0123");
    assertThat(Masking.cardNumber("6222")).isEqualTo("****");
  }

  @Test
  void maskedFormsNeverContainTheMiddle() {
    String phone = "13987654321";
    assertThat(Masking.phone(phone)).doesNotContain("8765");
    String id = "110105199001011234";
    assertThat(Masking.idNumber(id)).doesNotContain("19900101");
  }
}
