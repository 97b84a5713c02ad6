package com.credence.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.HttpsClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as a real process on its own data directory: what was written before a
 * stop is there after the next start, and a start after {@code kill -9} succeeds (the orphaned
 * embedded PostgreSQL is stopped first). Also checks the plain-HTTP redirect to HTTPS.
 */
class RestartIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path dataDir =
      Path.of("target", "restart-it", UUID.randomUUID().toString()).toAbsolutePath();
  private final int httpsPort = freePort();
  private final int httpPort = freePort();
  private final int databasePort = freePort();
  private Process app;

  @AfterEach
  void stopApp() throws Exception {
    stop(false);
  }

  @Test
  void dataSurvivesAStopAndAKillAndHttpRedirectsToHttps() throws Exception {
    start();
    String marker = "written-before-stop-" + UUID.randomUUID();
    execute("CREATE TABLE IF NOT EXISTS platform.restart_probe (marker text PRIMARY KEY)");
    execute("INSERT INTO platform.restart_probe VALUES ('" + marker + "')");
    Instant seededAt = demoSeededAt();
    assertThat(seededAt).isNotNull();
    assertThat(demoFundsArrive())
        .as("the demo users' deposits, confirmed at the simulated bank, reach their accounts")
        .containsEntry("INVESTOR_FUNDS", 200_000_00L)
        .containsEntry("BORROWER_FUNDS", 5_000_00L);
    assertRedirectsToHttps();

    stop(false);
    start();
    assertThat(markers()).contains(marker);
    assertThat(demoSeededAt()).isEqualTo(seededAt);

    long postmasterPid = postmasterPid();
    stop(true); // kill -9: the postmaster is left running, holding the data directory
    assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).contains(true);
    start();
    assertThat(markers()).contains(marker);
    assertThat(demoSeededAt()).isEqualTo(seededAt);
    assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void usesAnExternalDatabaseWhenConfiguredAndStartsNoEmbeddedOne() throws Exception {
    try (EmbeddedPostgres external =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolveSibling(dataDir.getFileName() + "-external"))
            .setCleanDataDirectory(true)
            .setPort(databasePort)
            .start()) {
      executeOnServer("CREATE DATABASE credence");
      start(
          Map.of(
              "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + databasePort + "/credence",
              "SPRING_DATASOURCE_USERNAME", "postgres",
              "SPRING_DATASOURCE_PASSWORD", ""),
          List.of());
      assertThat(dataDir.resolve("postgres")).doesNotExist();
      assertThat(demoSeededAt()).isNotNull();
      stop(false);
      assertThat(external.getPort()).isEqualTo(databasePort);
    }
  }

  private void start() throws Exception {
    start(Map.of(), List.of("--credence.embedded-postgres.port=" + databasePort));
  }

  private void start(Map<String, String> environment, List<String> extraArguments)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                applicationJar().toString(),
                "--demo",
                "--credence.data-dir=" + dataDir,
                "--server.port=" + httpsPort,
                "--credence.http.port=" + httpPort));
    command.addAll(extraArguments);
    Files.createDirectories(dataDir);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    app =
        builder
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()))
            .start();
    waitUntilReady();
  }

  private void waitUntilReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      assertThat(app.isAlive())
          .as("the application exited; see %s", dataDir.resolve("app.log"))
          .isTrue();
      if (Files.exists(dataDir.resolve("tls/keystore-password"))) {
        try {
          HttpResponse<String> health =
              new HttpsClient(dataDir, httpsPort).get("/actuator/health/readiness");
          if (health.statusCode() == 200 && health.body().contains("UP")) {
            return;
          }
        } catch (IllegalStateException notYet) {
          // connection refused while starting
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "not ready within " + START_TIMEOUT + "; see " + dataDir.resolve("app.log"));
  }

  private void stop(boolean kill) throws InterruptedException {
    if (app == null || !app.isAlive()) {
      return;
    }
    if (kill) {
      app.destroyForcibly();
    } else {
      app.destroy();
    }
    assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  private void assertRedirectsToHttps() throws Exception {
    HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<Void> response =
        plain.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/listings"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .contains("https://localhost:" + httpsPort + "/listings");
  }

  private long postmasterPid() throws IOException {
    return Long.parseLong(
        Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
  }

  private List<String> markers() throws SQLException {
    List<String> markers = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT marker FROM platform.restart_probe")) {
      while (rs.next()) {
        markers.add(rs.getString(1));
      }
    }
    return markers;
  }

  /** The funds accounts' posted balances by kind, once the demo deposits' callbacks came in. */
  private Map<String, Long> demoFundsArrive() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    Map<String, Long> funds = new java.util.HashMap<>();
    while (Instant.now().isBefore(deadline)) {
      funds.clear();
      try (Connection c = connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT kind, sum(credits_posted - debits_posted) FROM ledger.account"
                      + " WHERE kind IN ('INVESTOR_FUNDS', 'BORROWER_FUNDS') GROUP BY kind")) {
        while (rs.next()) {
          funds.put(rs.getString(1), rs.getLong(2));
        }
      }
      if (funds.size() == 2 && funds.values().stream().allMatch(v -> v > 0)) {
        return funds;
      }
      Thread.sleep(500);
    }
    return funds;
  }

  private Instant demoSeededAt() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT seeded_at FROM platform.demo_seed")) {
      return rs.next() ? rs.getTimestamp(1).toInstant() : null;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + databasePort + "/credence", "postgres", "");
  }

  private void executeOnServer(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Path applicationJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("credence-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("Package the application first: mvn verify"))
          .toAbsolutePath();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
