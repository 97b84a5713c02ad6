package com.credence.shared;

import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows with one statement per chunk: each column travels as one array parameter and the
 * statement reads the rows back with {@code unnest}. PostgreSQL then parses, plans and runs one
 * INSERT per chunk instead of one per row, which is most of the cost of a row-by-row batch.
 *
 * <p>The statement takes the arrays as its parameters, in column order, for example {@code INSERT
 * INTO t (a, b) SELECT * FROM unnest(?::uuid[], ?::bigint[])}.
 */
public final class ColumnArrays {

  /**
   * Puts one row's values into {@code columns[c][slot]}, {@code slot} its place in the chunk;
   * {@code position} is its place in the whole list, for a column that numbers the rows.
   */
  @FunctionalInterface
  public interface Columns<T> {
    void put(T row, Object[][] columns, int slot, int position);
  }

  private ColumnArrays() {}

  /**
   * Inserts {@code rows} in chunks of at most {@code chunk}, with {@code types} the element type of
   * each array as PostgreSQL names it ({@code uuid}, {@code int4}, {@code int8}, {@code date},
   * {@code varchar}, ...). Joins the caller's transaction; answers the rows written.
   */
  public static <T> long insert(
      JdbcTemplate jdbc, String sql, String[] types, List<T> rows, int chunk, Columns<T> columns) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be at least 1");
    }
    long written = 0;
    for (int from = 0; from < rows.size(); from += chunk) {
      List<T> part = rows.subList(from, Math.min(rows.size(), from + chunk));
      Object[][] values = new Object[types.length][part.size()];
      for (int i = 0; i < part.size(); i++) {
        columns.put(part.get(i), values, i, from + i);
      }
      Integer n =
          jdbc.execute(
              (java.sql.Connection con) -> {
                try (PreparedStatement ps = con.prepareStatement(sql)) {
                  for (int c = 0; c < types.length; c++) {
                    ps.setArray(c + 1, con.createArrayOf(types[c], values[c]));
                  }
                  return ps.executeUpdate();
                }
              });
      written += n == null ? 0 : n;
    }
    return written;
  }
}
