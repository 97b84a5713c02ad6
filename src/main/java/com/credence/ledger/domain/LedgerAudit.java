package com.credence.ledger.domain;

import com.credence.ledger.AccountId;
import com.credence.ledger.CreateSplitTransfer;
import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.SplitTransfer;
import com.credence.ledger.Transfer;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferType;
import com.credence.shared.Currency;
import com.credence.shared.Invariants;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the ledger check, fed account by account (so millions of accounts can stream
 * through): per currency the sum of debits equals the sum of credits, each account's counters equal
 * the sums of its transfers, no flagged account is beyond its limit, and no pending transfer was
 * resolved twice.
 */
public final class LedgerAudit {

  /** An account's stored counters next to the same counters recomputed from its transfers. */
  public record AccountAudit(AccountState stored, Counters recomputed) {}

  /** Debits and credits, posted and pending. */
  public record Counters(
      long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0);

    Counters plus(long dp, long cp, long dpe, long cpe) {
      return new Counters(
          Math.addExact(debitsPosted, dp),
          Math.addExact(creditsPosted, cp),
          Math.addExact(debitsPending, dpe),
          Math.addExact(creditsPending, cpe));
    }

    static Counters of(AccountState a) {
      return new Counters(
          a.debitsPosted(), a.creditsPosted(), a.debitsPending(), a.creditsPending());
    }
  }

  private final Map<Currency, long[]> totalsByCurrency = new EnumMap<>(Currency.class);
  private final List<String> violations = new ArrayList<>();
  private long violationCount;
  private long accounts;
  private long sumOfBalances;

  public void add(AccountAudit audit) {
    AccountState a = audit.stored();
    accounts++;
    long[] totals = totalsByCurrency.computeIfAbsent(a.currency(), c -> new long[4]);
    totals[0] = Math.addExact(totals[0], a.debitsPosted());
    totals[1] = Math.addExact(totals[1], a.creditsPosted());
    totals[2] = Math.addExact(totals[2], a.debitsPending());
    totals[3] = Math.addExact(totals[3], a.creditsPending());
    sumOfBalances = Math.addExact(sumOfBalances, a.creditsPosted() - a.debitsPosted());
    if (!Counters.of(a).equals(audit.recomputed())) {
      violation(
          "account "
              + a.id()
              + " holds "
              + Counters.of(a)
              + " but its transfers sum to "
              + audit.recomputed());
    }
    if (!a.countersNonNegative() || !a.withinLimits()) {
      violation("account " + a.id() + " (" + a.kind() + ") is beyond its limit: " + Counters.of(a));
    }
  }

  /** Pending transfers with more than one post or void. */
  public void pendingResolvedTwice(long count) {
    if (count > 0) {
      violation(count + " pending transfer(s) resolved more than once");
    }
  }

  /** Split transfers whose legs are missing, or do not add up to them. */
  public void splitsIncomplete(long count) {
    if (count > 0) {
      violation(count + " split transfer(s) whose legs do not make them up");
    }
  }

  public LedgerCheckReport report(long transfers) {
    return report(new LedgerStore.Written(transfers, 0));
  }

  public LedgerCheckReport report(LedgerStore.Written written) {
    totalsByCurrency.forEach(
        (currency, t) -> {
          if (t[0] != t[1]) {
            violation(currency + ": posted debits " + t[0] + " differ from posted credits " + t[1]);
          }
          if (t[2] != t[3]) {
            violation(
                currency + ": pending debits " + t[2] + " differ from pending credits " + t[3]);
          }
        });
    return new LedgerCheckReport(
        violationCount == 0,
        accounts,
        written.transfers(),
        written.legs(),
        sumOfBalances,
        violations);
  }

  private void violation(String text) {
    violationCount++;
    if (violations.size() < LedgerCheckReport.VIOLATIONS_MAX) {
      violations.add(text);
    }
  }

  /**
   * Recomputes every account's counters from a list of transfers, the way the database check does
   * in SQL: posted from single-phase transfers and posts, pending from unresolved pending ones.
   */
  public static Map<AccountId, Counters> recompute(Collection<Transfer> transfers) {
    return recompute(transfers, List.of());
  }

  /** The same, with split transfers: each debits its amount and credits every leg. */
  public static Map<AccountId, Counters> recompute(
      Collection<Transfer> transfers, Collection<SplitTransfer> splits) {
    Set<TransferId> resolved = new HashSet<>();
    for (Transfer t : transfers) {
      if (t.pendingId() != null) {
        resolved.add(t.pendingId());
      }
    }
    Map<AccountId, Counters> sums = new HashMap<>();
    for (Transfer t : transfers) {
      long amount = t.amountMinor();
      AccountId credit = t.creditAccountId();
      Invariants.check(credit != null, "transfer %s without a credit account", t.id());
      if (t.type().movesPostedMoney()) {
        sums.merge(t.debitAccountId(), Counters.ZERO.plus(amount, 0, 0, 0), LedgerAudit::add);
        sums.merge(credit, Counters.ZERO.plus(0, amount, 0, 0), LedgerAudit::add);
      } else if (t.type() == TransferType.PENDING && !resolved.contains(t.id())) {
        sums.merge(t.debitAccountId(), Counters.ZERO.plus(0, 0, amount, 0), LedgerAudit::add);
        sums.merge(credit, Counters.ZERO.plus(0, 0, 0, amount), LedgerAudit::add);
      }
    }
    for (SplitTransfer s : splits) {
      Transfer t = s.transfer();
      sums.merge(
          t.debitAccountId(), Counters.ZERO.plus(t.amountMinor(), 0, 0, 0), LedgerAudit::add);
      for (CreateSplitTransfer.Leg leg : s.legs()) {
        sums.merge(
            leg.creditAccountId(),
            Counters.ZERO.plus(0, leg.amountMinor(), 0, 0),
            LedgerAudit::add);
      }
    }
    return sums;
  }

  /** How many pending transfers a list of transfers resolves more than once. */
  public static long resolvedTwice(Collection<Transfer> transfers) {
    Map<TransferId, Integer> resolutions = new HashMap<>();
    for (Transfer t : transfers) {
      if (t.pendingId() != null) {
        resolutions.merge(t.pendingId(), 1, Integer::sum);
      }
    }
    return resolutions.values().stream().filter(n -> n > 1).count();
  }

  private static Counters add(Counters a, Counters b) {
    return a.plus(b.debitsPosted(), b.creditsPosted(), b.debitsPending(), b.creditsPending());
  }
}
