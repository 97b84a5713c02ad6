package com.credence.support;

import com.credence.shared.ApiPrincipal;
import com.credence.shared.ApiTokenAuthenticator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only beans that exercise the platform's shared machinery (security layer, error contract)
 * independently of any business module: fixed bearer tokens and a probe endpoint.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

  public static final String INVESTOR_TOKEN = "test-token-investor";
  public static final String ADMIN_TOKEN = "test-token-admin";

  @Bean
  ApiTokenAuthenticator fixedTestTokens() {
    Map<String, ApiPrincipal> tokens =
        Map.of(
            INVESTOR_TOKEN,
                new ApiPrincipal(
                    UUID.fromString("00000000-0000-7000-8000-000000000001"), Set.of("INVESTOR")),
            ADMIN_TOKEN,
                new ApiPrincipal(
                    UUID.fromString("00000000-0000-7000-8000-000000000002"), Set.of("ADMIN")));
    return token -> Optional.ofNullable(tokens.get(token));
  }

  /**
   * A JSON endpoint with validation, to provoke every kind of bad request (found by component
   * scan).
   */
  @RestController
  public static class ProbeController {

    public record Probe(@NotBlank @Size(max = 20) String name) {}

    @PostMapping(path = "/api/v1/test-probe", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> probe(@Valid @RequestBody Probe probe) {
      if ("boom".equals(probe.name())) {
        throw new IllegalStateException("probe failure with internal detail");
      }
      return Map.of("name", probe.name());
    }
  }

  /** A public page that fails, to see the friendly 500 page. */
  @org.springframework.stereotype.Controller
  public static class FailingPageController {

    @org.springframework.web.bind.annotation.GetMapping("/listings/test-probe/boom")
    String boom() {
      throw new IllegalStateException("page failure with internal detail");
    }
  }
}
