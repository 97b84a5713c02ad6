package com.credence.support;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Convenience for integration tests: an HTTPS client to the running test application. */
@CredenceIntegrationTest
public abstract class IntegrationTestBase {

  protected static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort protected int port;

  @Value("${credence.data-dir}")
  protected Path dataDir;

  protected HttpsClient http;

  @BeforeEach
  void createClient() {
    http = new HttpsClient(dataDir, port);
  }

  protected static JsonNode json(String body) {
    return JSON.readTree(body);
  }
}
