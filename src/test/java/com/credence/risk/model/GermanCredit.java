package com.credence.risk.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The German credit data (Statlog, Hofmann 1994; UCI, CC BY 4.0) as shipped in Weka's {@code
 * credit-g.arff}: 1,000 applicants, 700 good and 300 bad. Read from the test classpath only.
 */
final class GermanCredit {

  static final String RESOURCE = "weka/gui/beans/templates/credit-g.arff";

  /** One applicant: attribute name to raw value, and whether the credit went bad. */
  record Row(Map<String, String> values, boolean bad) {}

  private GermanCredit() {}

  static List<Row> load() {
    InputStream in = GermanCredit.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("Missing " + RESOURCE + ": is weka-stable on the test path?");
    }
    List<String> names = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean data = false;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("%")) {
          continue;
        }
        if (trimmed.toLowerCase().startsWith("@attribute")) {
          names.add(trimmed.split("\\s+")[1]);
        } else if (trimmed.toLowerCase().startsWith("@data")) {
          data = true;
        } else if (data) {
          rows.add(row(names, split(trimmed)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (rows.size() != 1000) {
      throw new IllegalStateException("Expected 1000 rows, read " + rows.size());
    }
    return rows;
  }

  private static Row row(List<String> names, List<String> cells) {
    if (cells.size() != names.size()) {
      throw new IllegalStateException("Bad row: " + cells);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size() - 1; i++) {
      values.put(names.get(i), cells.get(i));
    }
    String label = cells.get(names.size() - 1);
    return new Row(values, label.equals("bad"));
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }
}
