package com.credence.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of the benchmarks: pgbench TPC-B on the platform's own embedded PostgreSQL, in a
 * database of its own ({@code pgbench}, dropped and created again on each run). The binary is
 * {@code bench.pgbench} or, by default, the Debian PostgreSQL 15 one, else {@code pgbench} on the
 * path.
 */
final class Pgbench {

  /** Clients of the TPC-B run (PERFORMANCE.md: 32). */
  static final int CLIENTS = 32;

  /** Scale factor of the pgbench tables: at least the number of clients, so they rarely collide. */
  static final int SCALE = 32;

  private Pgbench() {}

  /** What the result table prints for the baseline's parameters. */
  static String parameters(int seconds) {
    return CLIENTS + " clients, " + seconds + " s, scale " + SCALE;
  }

  /** Initialises the pgbench tables and runs TPC-B for {@code seconds}; the transactions/s. */
  static double tpcB(EmbeddedPostgres postgres, int seconds)
      throws IOException, InterruptedException, SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS pgbench");
      s.execute("CREATE DATABASE pgbench");
    }
    String binary = System.getProperty("bench.pgbench", defaultBinary());
    String port = String.valueOf(postgres.getPort());
    System.out.printf(Locale.ROOT, "pgbench: initialising scale %d on port %s%n", SCALE, port);
    run(
        List.of(
            binary,
            "-i",
            "-q",
            "-s",
            String.valueOf(SCALE),
            "-h",
            "localhost",
            "-p",
            port,
            "-U",
            "postgres",
            "pgbench"));
    System.out.printf(Locale.ROOT, "pgbench: TPC-B, %d clients, %d s%n", CLIENTS, seconds);
    String out =
        run(
            List.of(
                binary,
                "-c",
                String.valueOf(CLIENTS),
                "-j",
                "4",
                "-T",
                String.valueOf(seconds),
                "-h",
                "localhost",
                "-p",
                port,
                "-U",
                "postgres",
                "pgbench"));
    double tps = tps(out);
    System.out.printf(Locale.ROOT, "pgbench: %.0f tps%n", tps);
    return tps;
  }

  /** The tps figure of pgbench's report. */
  static double tps(String report) {
    Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(report);
    if (!m.find()) {
      throw new IllegalStateException("No tps in pgbench output:\n" + report);
    }
    return Double.parseDouble(m.group(1));
  }

  private static String defaultBinary() {
    Path debian = Path.of("/usr/lib/postgresql/15/bin/pgbench");
    return Files.isExecutable(debian) ? debian.toString() : "pgbench";
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + exit + "):\n" + out);
    }
    return out;
  }
}
