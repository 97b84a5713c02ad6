package com.credence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.support.IntegrationTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows written as column arrays, in chunks, read back exactly as they were given. */
class ColumnArraysIT extends IntegrationTestBase {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  record Row(UUID id, int number, LocalDate day, long amount, String note) {}

  private static final String INSERT =
      "INSERT INTO column_arrays_probe (id, number, day, amount, note)"
          + " SELECT * FROM unnest(?::uuid[], ?::int[], ?::date[], ?::bigint[], ?::varchar[])";
  private static final String[] TYPES = {"uuid", "int4", "date", "int8", "varchar"};

  private static void put(Row r, Object[][] c, int i, int position) {
    c[0][i] = r.id();
    c[1][i] = r.number();
    c[2][i] = r.day().toString();
    c[3][i] = r.amount();
    c[4][i] = r.note();
  }

  private void createProbe() {
    jdbc.execute(
        "CREATE TEMP TABLE IF NOT EXISTS column_arrays_probe (id uuid PRIMARY KEY,"
            + " number int NOT NULL, day date NOT NULL, amount bigint NOT NULL, note varchar)"
            + " ON COMMIT DROP");
  }

  @Test
  void writesEveryRowOnceAcrossChunksWithItsValues() {
    long seed = 20261205L;
    Random random = new Random(seed);
    for (int round = 0; round < 20; round++) {
      int n = random.nextInt(40);
      int chunk = 1 + random.nextInt(9);
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(
            new Row(
                UUID.randomUUID(),
                random.nextInt(),
                LocalDate.of(2000, 1, 1).plusDays(random.nextInt(20_000)),
                random.nextLong(),
                // Quotes, commas, braces and backslashes must survive the array literal.
                random.nextBoolean() ? null : "n\"o,t{e}\\ " + i));
      }
      int thisRound = round;
      tx.executeWithoutResult(
          s -> {
            createProbe();
            long written =
                ColumnArrays.insert(jdbc, INSERT, TYPES, rows, chunk, ColumnArraysIT::put);
            assertThat(written).as("seed %s round %s", seed, thisRound).isEqualTo(n);
            List<Row> read =
                jdbc.query(
                    "SELECT id, number, day, amount, note FROM column_arrays_probe",
                    (rs, i) ->
                        new Row(
                            rs.getObject(1, UUID.class),
                            rs.getInt(2),
                            rs.getObject(3, LocalDate.class),
                            rs.getLong(4),
                            rs.getString(5)));
            assertThat(read)
                .as("seed %s round %s, chunk %s", seed, thisRound, chunk)
                .containsExactlyInAnyOrderElementsOf(rows);
          });
    }
  }

  @Test
  void eachRowIsGivenItsPositionInTheWholeListNotInItsChunk() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      rows.add(new Row(UUID.randomUUID(), -1, LocalDate.of(2026, 1, 1), i, null));
    }
    tx.executeWithoutResult(
        s -> {
          createProbe();
          ColumnArrays.insert(
              jdbc,
              INSERT,
              TYPES,
              rows,
              5,
              (r, c, i, position) -> {
                put(r, c, i, position);
                c[1][i] = position;
              });
          for (Row r : rows) {
            assertThat(
                    jdbc.queryForObject(
                        "SELECT number FROM column_arrays_probe WHERE id = ?",
                        Integer.class,
                        r.id()))
                .isEqualTo(rows.indexOf(r));
          }
        });
  }

  @Test
  void aChunkThePostgresRefusesFailsTheWriteAndAChunkBelowOneIsRefused() {
    UUID twice = UUID.randomUUID();
    List<Row> rows =
        List.of(
            new Row(UUID.randomUUID(), 1, LocalDate.of(2026, 1, 31), 100, "a"),
            new Row(twice, 2, LocalDate.of(2026, 2, 28), 200, "b"),
            new Row(twice, 3, LocalDate.of(2026, 3, 31), 300, "c"));
    // The second chunk repeats the first one's key: the caller's transaction sees the failure.
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      createProbe();
                      ColumnArrays.insert(jdbc, INSERT, TYPES, rows, 2, ColumnArraysIT::put);
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> ColumnArrays.insert(jdbc, INSERT, TYPES, rows, 0, ColumnArraysIT::put))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
