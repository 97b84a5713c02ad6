package com.credence.bank.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.bank.domain.Reconciler.DifferenceKind;
import com.credence.bank.domain.Reconciler.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  @Test
  void equalBooksMatch() {
    List<Movement> moves = List.of(new Movement("o1", OrderKind.DEPOSIT, "a", 100));
    assertThat(Reconciler.compare(moves, moves, Map.of("a", 100L), Map.of("a", 100L))).isEmpty();
  }

  @Test
  void findsEachKindOfDifference() {
    List<Movement> bank =
        List.of(
            new Movement("o1", OrderKind.DEPOSIT, "a", 100),
            new Movement("o2", OrderKind.DEPOSIT, "a", 50),
            new Movement("adj", OrderKind.DEPOSIT, "a", 7));
    List<Movement> platform =
        List.of(
            new Movement("o1", OrderKind.DEPOSIT, "a", 100),
            new Movement("o2", OrderKind.DEPOSIT, "a", 51),
            new Movement("o3", OrderKind.WITHDRAWAL, "b", 9));
    var differences =
        Reconciler.compare(bank, platform, Map.of("a", 157L), Map.of("a", 151L, "b", -9L));
    assertThat(differences)
        .extracting(d -> d.kind() + ":" + d.reference())
        .containsExactlyInAnyOrder(
            "AMOUNT_MISMATCH:o2",
            "MISSING_AT_PLATFORM:adj",
            "MISSING_AT_BANK:o3",
            "BALANCE_MISMATCH:a",
            "BALANCE_MISMATCH:b");
  }

  /** Planting one change into equal books is always found, on the changed reference. */
  @RepeatedTest(100)
  void anyPlantedChangeIsFound() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<Movement> books = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(30); i++) {
      books.add(
          new Movement(
              "o" + i,
              random.nextBoolean() ? OrderKind.DEPOSIT : OrderKind.WITHDRAWAL,
              "a",
              1 + random.nextInt(1_000_000)));
    }
    List<Movement> bank = new ArrayList<>(books);
    int at = random.nextInt(bank.size());
    Movement m = bank.get(at);
    DifferenceKind expected;
    switch (random.nextInt(3)) {
      case 0 -> {
        bank.remove(at);
        expected = DifferenceKind.MISSING_AT_BANK;
      }
      case 1 -> {
        bank.set(at, new Movement(m.reference(), m.kind(), "a", m.amountMinor() + 1));
        expected = DifferenceKind.AMOUNT_MISMATCH;
      }
      default -> {
        bank.add(new Movement("x" + at, m.kind(), "a", m.amountMinor()));
        expected = DifferenceKind.MISSING_AT_PLATFORM;
      }
    }
    var differences = Reconciler.compare(bank, books, Map.of(), Map.of());
    assertThat(differences).as("seed %d", seed).hasSize(1);
    assertThat(differences.get(0).kind()).as("seed %d", seed).isEqualTo(expected);
  }
}
