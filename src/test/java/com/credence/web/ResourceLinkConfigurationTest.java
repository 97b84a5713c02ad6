package com.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which links are looked up as static files (and versioned), and which go straight through. */
class ResourceLinkConfigurationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/webjars/bootstrap/css/bootstrap.min.css, true",
    "/css/credence.css, true",
    "/js/credence.js?v=2, true",
    "/favicon.ico, true",
    "/listings, false",
    "/listings/01a24213-a56f-76e9-a79c-a0c3d1de3392, false",
    "/listings?minRate=0.0950, false",
    "?lang=en, false",
    "/, false",
    "'', false",
    "/me/loans/abc#schedule, false",
    "/v1.2/listings, false",
    "/file., false"
  })
  void onlyLinksToAFileAreResolved(String url, boolean file) {
    assertThat(ResourceLinkConfiguration.isFileLink(url)).isEqualTo(file);
  }
}
