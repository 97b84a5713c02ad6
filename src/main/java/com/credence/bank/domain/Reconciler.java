package com.credence.bank.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Compares one day's bank statement with the platform's books: every movement by order id, kind and
 * amount, and every sub-account's balance. Pure: the caller reads both sides.
 */
public final class Reconciler {

  private Reconciler() {}

  /** One movement on either side. */
  public record Movement(String reference, OrderKind kind, String accountNo, long amountMinor) {}

  /** Why two sides differ. */
  public enum DifferenceKind {
    MISSING_AT_PLATFORM,
    MISSING_AT_BANK,
    AMOUNT_MISMATCH,
    BALANCE_MISMATCH
  }

  public record Difference(
      DifferenceKind kind,
      String reference,
      @Nullable Long bankMinor,
      @Nullable Long platformMinor,
      String detail) {}

  public static List<Difference> compare(
      List<Movement> bank,
      List<Movement> platform,
      Map<String, Long> bankBalances,
      Map<String, Long> platformBalances) {
    List<Difference> differences = new ArrayList<>();
    Map<String, Movement> ours = new LinkedHashMap<>();
    for (Movement m : platform) {
      ours.put(m.reference(), m);
    }
    for (Movement theirs : bank) {
      Movement mine = ours.remove(theirs.reference());
      if (mine == null) {
        differences.add(
            new Difference(
                DifferenceKind.MISSING_AT_PLATFORM,
                theirs.reference(),
                theirs.amountMinor(),
                null,
                theirs.kind() + " on the bank's statement, not in the platform's books"));
      } else if (mine.amountMinor() != theirs.amountMinor() || mine.kind() != theirs.kind()) {
        differences.add(
            new Difference(
                DifferenceKind.AMOUNT_MISMATCH,
                theirs.reference(),
                theirs.amountMinor(),
                mine.amountMinor(),
                "The bank has " + theirs.kind() + ", the platform " + mine.kind()));
      }
    }
    for (Movement mine : ours.values()) {
      differences.add(
          new Difference(
              DifferenceKind.MISSING_AT_BANK,
              mine.reference(),
              null,
              mine.amountMinor(),
              mine.kind() + " in the platform's books, not on the bank's statement"));
    }
    Map<String, Long> accounts = new LinkedHashMap<>(bankBalances);
    platformBalances.forEach((account, minor) -> accounts.putIfAbsent(account, null));
    for (String account : accounts.keySet()) {
      Long theirs = bankBalances.get(account);
      Long mine = platformBalances.get(account);
      long theirsOrZero = theirs == null ? 0 : theirs;
      long mineOrZero = mine == null ? 0 : mine;
      if (!Objects.equals(theirsOrZero, mineOrZero)) {
        differences.add(
            new Difference(
                DifferenceKind.BALANCE_MISMATCH,
                account,
                theirs,
                mine,
                "Sub-account balance differs"));
      }
    }
    return differences;
  }
}
