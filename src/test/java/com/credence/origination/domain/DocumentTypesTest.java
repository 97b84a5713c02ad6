package com.credence.origination.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTypesTest {

  @Test
  void recognizesPdfJpegAndPngByTheirFirstBytes() {
    assertThat(DocumentTypes.detect("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII)))
        .hasValue(DocumentTypes.PDF);
    assertThat(DocumentTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}))
        .hasValue(DocumentTypes.JPEG);
    assertThat(
            DocumentTypes.detect(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00}))
        .hasValue(DocumentTypes.PNG);
  }

  @Test
  void refusesEverythingElseWhateverItsName() {
    assertThat(DocumentTypes.detect("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(DocumentTypes.detect("<svg>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(DocumentTypes.detect("%PDF".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(DocumentTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
    assertThat(DocumentTypes.detect(new byte[0])).isEmpty();
  }

  @Test
  void fileNamesAreReducedToSafeCharactersWithTheDetectedExtension() {
    assertThat(DocumentTypes.safeFileName("../../etc/passwd", DocumentTypes.PDF))
        .isEqualTo("passwd.pdf");
    assertThat(DocumentTypes.safeFileName("C:\\tmp\\收入 证明.exe.png", DocumentTypes.PNG))
        .isEqualTo("收入_证明_exe.png");
    assertThat(DocumentTypes.safeFileName("a\"b;c\r\n.jpg", DocumentTypes.JPEG))
        .isEqualTo("a_b_c__.jpg");
    assertThat(DocumentTypes.safeFileName(".pdf", DocumentTypes.PDF)).isEqualTo("document.pdf");
    assertThat(DocumentTypes.safeFileName("x".repeat(300), DocumentTypes.PDF)).hasSize(104);
    assertThat(DocumentTypes.extension(DocumentTypes.JPEG)).isEqualTo(".jpg");
    assertThatThrownBy(() -> DocumentTypes.extension("text/html"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
