package com.credence.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a {@code kill -9} of the JVM, the embedded postmaster keeps running and holds the data
 * directory; the next start would fail. Before starting, stop such an orphan: the process named in
 * {@code postmaster.pid}, if it is alive and is a postgres.
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
  private static final long STOP_WAIT_SECONDS = 30;

  private OrphanedPostmaster() {}

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process =
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(OrphanedPostmaster::isPostgres);
    if (process.isEmpty()) {
      return;
    }
    log.warn("Stopping an orphaned PostgreSQL (pid {}) left by an earlier crash", pid);
    ProcessHandle handle = process.get();
    handle.destroy(); // SIGTERM: smart shutdown, no data loss
    try {
      handle.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.warn(
          "Orphaned PostgreSQL (pid {}) did not stop in {} s; forcing it", pid, STOP_WAIT_SECONDS);
      handle.destroyForcibly();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
  }
}
