package com.credence.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The result table the HTTP benchmarks print and write as JSON (PERFORMANCE.md "workload,
 * parameters, figure, baseline, ratio, checks passed"), and the small measures they share.
 */
final class BenchTable {

  /** One line of the result table. */
  record Row(
      String workload,
      String parameters,
      String figure,
      String baseline,
      String ratio,
      boolean passed,
      String checks) {

    /** A check on its own line: no figure, passed or not, with what it found. */
    static Row check(String name, boolean passed, String detail) {
      return new Row("check: " + name, "", "", "", "", passed, detail);
    }
  }

  private BenchTable() {}

  /** Prints the rows with the given column widths ({@code %-Ns} each, seven columns). */
  static void print(List<Row> rows, int... widths) {
    StringBuilder format = new StringBuilder();
    for (int w : widths) {
      format.append("%-").append(w).append("s ");
    }
    format.append("%s%n");
    String f = format.toString();
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        f,
        "workload",
        "parameters",
        "figure",
        "baseline",
        "ratio",
        "checks",
        "details");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          f,
          r.workload(),
          r.parameters(),
          r.figure(),
          r.baseline(),
          r.ratio(),
          r.passed() ? "passed" : "FAILED",
          r.checks());
    }
  }

  /** Writes the rows as JSON to {@code target/bench/<file>}. */
  static void write(List<Row> rows, String file) throws IOException {
    Path out = Path.of("target", "bench", file);
    Files.createDirectories(out.getParent());
    List<Map<String, Object>> json = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workload", r.workload());
      row.put("parameters", r.parameters());
      row.put("figure", r.figure());
      row.put("baseline", r.baseline());
      row.put("ratio", r.ratio());
      row.put("checksPassed", r.passed());
      row.put("checks", r.checks());
      json.add(row);
    }
    Files.writeString(
        out,
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    System.out.println("Wrote " + out);
  }

  /** The value at quantile {@code p} of sorted values (nearest rank); 0 when there are none. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** The machine's one-minute load average, or -1 where it cannot be read. */
  static double loadAverage() {
    try {
      return Double.parseDouble(
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
