package com.credence.bench;

import com.credence.CredenceApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the platform for a benchmark: its own embedded PostgreSQL, free ports, quiet logs. */
final class BenchPlatform {

  private BenchPlatform() {}

  /**
   * Starts the platform with data under {@code dataDir}. Every setting goes on the command line,
   * which outranks application.yml (default properties do not: its fixed HTTPS port would win and
   * collide with any other instance on the machine); the benchmark's own {@code settings} come next
   * and the caller's {@code args} last, so they can override either.
   */
  static ConfigurableApplicationContext start(Path dataDir, String[] args, String... settings) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--credence.data-dir=" + dataDir,
                "--credence.embedded-postgres.ephemeral=true",
                "--server.port=0",
                "--credence.http.port=0",
                "--logging.level.root=WARN",
                "--logging.level.com.credence=WARN"));
    all.addAll(List.of(settings));
    all.addAll(List.of(args));
    return new SpringApplicationBuilder(CredenceApplication.class).run(all.toArray(String[]::new));
  }
}
