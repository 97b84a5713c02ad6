package com.credence.ledger;

import com.credence.ledger.domain.AllowedFlows;
import com.credence.shared.Money;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately simple model of the ledger for property tests: plain counters per account and the
 * rules written out as one if-chain, independent of the production batch code.
 */
public final class LedgerModel {

  /** What the model expects of one command: created, replayed, or refused with an error. */
  public record Expectation(TransferResult.Status status, LedgerError error) {
    static Expectation created() {
      return new Expectation(TransferResult.Status.CREATED, null);
    }
  }

  private record Pending(AccountId debit, AccountId credit, long amount, Instant expiresAt) {}

  private final Map<AccountId, AccountKind> kinds = new HashMap<>();
  private final Map<AccountId, long[]> counters = new HashMap<>();
  private final Map<TransferId, CreateTransfer> accepted = new HashMap<>();
  private final Map<TransferId, Pending> pendings = new HashMap<>();
  private final Set<TransferId> resolved = new HashSet<>();

  public void open(AccountId id, AccountKind kind, long[] initialCounters) {
    kinds.put(id, kind);
    counters.put(id, initialCounters.clone());
  }

  public LedgerModel copy() {
    LedgerModel copy = new LedgerModel();
    copy.kinds.putAll(kinds);
    counters.forEach((id, c) -> copy.counters.put(id, c.clone()));
    copy.accepted.putAll(accepted);
    copy.pendings.putAll(pendings);
    copy.resolved.addAll(resolved);
    return copy;
  }

  /** The counters {debitsPosted, creditsPosted, debitsPending, creditsPending} of an account. */
  public long[] counters(AccountId id) {
    return counters.get(id).clone();
  }

  public Set<AccountId> accounts() {
    return kinds.keySet();
  }

  /** Ids of accepted pending transfers (resolved or not), for generators. */
  public List<TransferId> pendingIds() {
    return List.copyOf(pendings.keySet());
  }

  /** The reserved amount of an accepted pending transfer, 0 when there is none. */
  public long pendingAmount(TransferId id) {
    Pending p = pendings.get(id);
    return p == null ? 0 : p.amount();
  }

  public List<CreateTransfer> acceptedCommands() {
    return List.copyOf(accepted.values());
  }

  /** Decides the command and, when the model accepts it, applies it. */
  public Expectation apply(CreateTransfer c, Instant now) {
    CreateTransfer earlier = accepted.get(c.id());
    if (earlier != null) {
      return earlier.equals(c)
          ? new Expectation(TransferResult.Status.ALREADY_EXISTS, null)
          : refused(LedgerError.TRANSFER_ID_REUSED);
    }
    if (c.reference().isBlank() || c.reference().length() > 100) {
      return refused(LedgerError.INVALID_TRANSFER);
    }
    Expectation e = c.type().resolvesPending() ? resolve(c, now) : move(c, now);
    if (e.status() == TransferResult.Status.CREATED) {
      accepted.put(c.id(), c);
    }
    return e;
  }

  private Expectation move(CreateTransfer c, Instant now) {
    if (c.amountMinor() <= 0 || c.amountMinor() > Money.MAX_MINOR) {
      return refused(LedgerError.INVALID_AMOUNT);
    }
    if (c.debitAccountId().equals(c.creditAccountId())) {
      return refused(LedgerError.INVALID_TRANSFER);
    }
    AccountKind debitKind = kinds.get(c.debitAccountId());
    AccountKind creditKind = kinds.get(c.creditAccountId());
    if (debitKind == null || creditKind == null) {
      return refused(LedgerError.ACCOUNT_NOT_FOUND);
    }
    if (!AllowedFlows.allows(debitKind, creditKind, c.code())) {
      return refused(LedgerError.FLOW_NOT_ALLOWED);
    }
    long[] debit = counters.get(c.debitAccountId()).clone();
    long[] credit = counters.get(c.creditAccountId()).clone();
    int slot = c.type() == TransferType.PENDING ? 2 : 0;
    debit[slot] += c.amountMinor();
    credit[slot + 1] += c.amountMinor();
    if (!withinLimits(debitKind, debit) || !withinLimits(creditKind, credit)) {
      return refused(LedgerError.INSUFFICIENT_FUNDS);
    }
    counters.put(c.debitAccountId(), debit);
    counters.put(c.creditAccountId(), credit);
    if (c.type() == TransferType.PENDING) {
      pendings.put(
          c.id(),
          new Pending(
              c.debitAccountId(),
              c.creditAccountId(),
              c.amountMinor(),
              c.timeout() == null ? null : now.plus(c.timeout())));
    }
    return Expectation.created();
  }

  private Expectation resolve(CreateTransfer c, Instant now) {
    Pending p = pendings.get(c.pendingId());
    if (p == null) {
      return refused(
          accepted.containsKey(c.pendingId())
              ? LedgerError.NOT_PENDING
              : LedgerError.TRANSFER_NOT_FOUND);
    }
    if (resolved.contains(c.pendingId())) {
      return refused(LedgerError.PENDING_ALREADY_RESOLVED);
    }
    long posted = 0;
    if (c.type() == TransferType.POST_PENDING) {
      if (c.amountMinor() <= 0) {
        return refused(LedgerError.INVALID_AMOUNT);
      }
      if (c.amountMinor() > p.amount()) {
        return refused(LedgerError.EXCEEDS_PENDING_AMOUNT);
      }
      if (p.expiresAt() != null && !now.isBefore(p.expiresAt())) {
        return refused(LedgerError.PENDING_EXPIRED);
      }
      posted = c.amountMinor();
    }
    long[] debit = counters.get(p.debit());
    long[] credit = counters.get(p.credit());
    debit[2] -= p.amount();
    credit[3] -= p.amount();
    debit[0] += posted;
    credit[1] += posted;
    resolved.add(c.pendingId());
    return Expectation.created();
  }

  /** The limits of the account kinds, written out: customer money never below zero. */
  public static boolean withinLimits(AccountKind kind, long[] c) {
    if (kind == AccountKind.BANK_SETTLEMENT) {
      return c[1] + c[3] <= c[0];
    }
    return c[0] + c[2] <= c[1];
  }

  private static Expectation refused(LedgerError error) {
    return new Expectation(TransferResult.Status.REFUSED, error);
  }
}
