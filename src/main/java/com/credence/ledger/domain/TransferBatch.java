package com.credence.ledger.domain;

import com.credence.ledger.AccountId;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateSplitTransfer;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerError;
import com.credence.ledger.SplitTransfer;
import com.credence.ledger.Transfer;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferResult;
import com.credence.ledger.TransferType;
import com.credence.shared.Currency;
import com.credence.shared.Invariants;
import com.credence.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Applies a batch of transfer commands, in order, to the accounts and transfers the batch touches.
 * Pure: the caller loads the working set (accounts locked, transfers by id and the pending ones
 * they resolve), and writes back {@link Outcome#created()} and {@link Outcome#changedAccounts()}.
 * The same code runs in the database-backed service and in the in-memory property tests.
 */
public final class TransferBatch {

  /** A batch larger than this is refused whole; TigerBeetle's limit is 8,189. */
  public static final int SIZE_MAX = 8_000;

  public static final int REFERENCE_LENGTH_MAX = 100;
  public static final Duration TIMEOUT_MAX = Duration.ofDays(366);

  private final Map<AccountId, AccountState> accounts;
  private final Map<TransferId, Transfer> transfers;
  private final Set<TransferId> resolved;
  private final Instant now;
  private final LocalDate today;
  private final Set<AccountId> changed = new HashSet<>();
  private final List<Transfer> created = new ArrayList<>();
  private final List<SplitTransfer> createdSplits = new ArrayList<>();

  /**
   * @param accounts the accounts the batch names (missing ones are unknown)
   * @param transfers existing transfers with the batch's ids or named as pending
   * @param resolved the pending transfers among them that are already posted or voided
   */
  public TransferBatch(
      Map<AccountId, AccountState> accounts,
      Map<TransferId, Transfer> transfers,
      Set<TransferId> resolved,
      Instant now,
      LocalDate today) {
    this.accounts = new HashMap<>(accounts);
    this.transfers = new HashMap<>(transfers);
    this.resolved = new HashSet<>(resolved);
    this.now = now;
    this.today = today;
  }

  /**
   * What applying the batch produced: its transfers, then its split transfers, in command order. In
   * ATOMIC mode a refusal leaves created, splits and changed empty.
   */
  public record Outcome(
      List<TransferResult> results,
      List<Transfer> created,
      List<SplitTransfer> splits,
      Collection<AccountState> changedAccounts,
      @Nullable TransferResult firstRefusal) {}

  public Outcome apply(List<CreateTransfer> commands, BatchMode mode) {
    return apply(commands, List.of(), mode);
  }

  /** Applies the transfers in order, then the split transfers in order. */
  public Outcome apply(
      List<CreateTransfer> commands, List<CreateSplitTransfer> splits, BatchMode mode) {
    List<TransferResult> results = new ArrayList<>(commands.size() + splits.size());
    for (CreateTransfer command : commands) {
      TransferResult result = applyOne(command);
      if (!result.accepted() && mode == BatchMode.ATOMIC) {
        return new Outcome(List.of(result), List.of(), List.of(), List.of(), result);
      }
      results.add(result);
    }
    for (CreateSplitTransfer split : splits) {
      TransferResult result = applySplit(split);
      if (!result.accepted() && mode == BatchMode.ATOMIC) {
        return new Outcome(List.of(result), List.of(), List.of(), List.of(), result);
      }
      results.add(result);
    }
    Map<AccountId, AccountState> changedAccounts = new LinkedHashMap<>();
    for (AccountId id : changed) {
      changedAccounts.put(id, accounts.get(id));
    }
    TransferResult firstRefusal =
        results.stream().filter(r -> !r.accepted()).findFirst().orElse(null);
    return new Outcome(
        results,
        List.copyOf(created),
        List.copyOf(createdSplits),
        List.copyOf(changedAccounts.values()),
        firstRefusal);
  }

  /** The account states after the batch (all loaded ones, changed or not). */
  public Map<AccountId, AccountState> accounts() {
    return Map.copyOf(accounts);
  }

  private TransferResult applyOne(CreateTransfer c) {
    Transfer existing = transfers.get(c.id());
    if (existing != null) {
      return existing.matches(c)
          ? TransferResult.alreadyExists(existing)
          : refuse(
              c,
              LedgerError.TRANSFER_ID_REUSED,
              "Transfer id " + c.id() + " exists with different fields");
    }
    if (c.reference().isBlank() || c.reference().length() > REFERENCE_LENGTH_MAX) {
      return refuse(c, LedgerError.INVALID_TRANSFER, "The reference must have 1 to 100 characters");
    }
    return c.type().resolvesPending() ? resolvePending(c) : move(c);
  }

  /** A single-phase or pending transfer between two accounts. */
  private TransferResult move(CreateTransfer c) {
    if (c.debitAccountId() == null
        || c.creditAccountId() == null
        || c.currency() == null
        || c.code() == null
        || c.pendingId() != null) {
      return refuse(
          c, LedgerError.INVALID_TRANSFER, "A transfer needs both accounts, a currency and a code");
    }
    if (c.amountMinor() <= 0 || c.amountMinor() > Money.MAX_MINOR) {
      return refuse(
          c,
          LedgerError.INVALID_AMOUNT,
          "The amount must be positive and at most " + Money.MAX_MINOR);
    }
    if (c.debitAccountId().equals(c.creditAccountId())) {
      return refuse(c, LedgerError.INVALID_TRANSFER, "Debit and credit account are the same");
    }
    if (!validTimeout(c)) {
      return refuse(
          c,
          LedgerError.INVALID_TRANSFER,
          "Only pending transfers have a timeout, positive, under a year");
    }
    TransferResult refused =
        refuseFlow(c.id(), c.debitAccountId(), c.creditAccountId(), c.currency(), c.code());
    if (refused != null) {
      return refused;
    }
    AccountState debit = accounts.get(c.debitAccountId());
    AccountState credit = accounts.get(c.creditAccountId());
    long amount = c.amountMinor();
    boolean posted = c.type() == TransferType.SINGLE_PHASE;
    Instant expiresAt = c.timeout() == null ? null : now.plus(c.timeout());
    Transfer transfer =
        new Transfer(
            c.id(),
            c.type(),
            debit.id(),
            credit.id(),
            amount,
            c.currency(),
            c.code(),
            null,
            c.reference(),
            businessDate(c),
            expiresAt,
            now);
    return book(
        c,
        transfer,
        posted ? new long[] {amount, 0, 0, 0} : new long[] {0, 0, amount, 0},
        posted ? new long[] {0, amount, 0, 0} : new long[] {0, 0, 0, amount});
  }

  /**
   * Posts or voids a pending transfer: releases its reservation and, for a post, moves the amount.
   */
  private TransferResult resolvePending(CreateTransfer c) {
    if (c.pendingId() == null) {
      return refuse(c, LedgerError.INVALID_TRANSFER, "A post or void names the pending transfer");
    }
    Transfer pending = transfers.get(c.pendingId());
    if (pending == null) {
      return refuse(
          c, LedgerError.TRANSFER_NOT_FOUND, "Pending transfer " + c.pendingId() + " not found");
    }
    if (pending.type() != TransferType.PENDING) {
      return refuse(c, LedgerError.NOT_PENDING, "Transfer " + c.pendingId() + " is not pending");
    }
    if (resolved.contains(pending.id())) {
      return refuse(
          c,
          LedgerError.PENDING_ALREADY_RESOLVED,
          "Pending transfer " + pending.id() + " is resolved");
    }
    if (!sameOrOpen(c.debitAccountId(), pending.debitAccountId())
        || !sameOrOpen(c.creditAccountId(), pending.creditAccountId())
        || !sameOrOpen(c.code(), pending.code())
        || c.timeout() != null) {
      return refuse(
          c, LedgerError.INVALID_TRANSFER, "A post or void must match its pending transfer");
    }
    if (!sameOrOpen(c.currency(), pending.currency())) {
      return refuse(
          c, LedgerError.CURRENCY_MISMATCH, "The pending transfer is in " + pending.currency());
    }
    long reserved = pending.amountMinor();
    long amount = reserved;
    if (c.type() == TransferType.POST_PENDING) {
      if (c.amountMinor() <= 0) {
        return refuse(c, LedgerError.INVALID_AMOUNT, "The amount to post must be positive");
      }
      if (c.amountMinor() > reserved) {
        return refuse(
            c,
            LedgerError.EXCEEDS_PENDING_AMOUNT,
            "Cannot post more than the " + reserved + " reserved");
      }
      if (pending.expiresAt() != null && !now.isBefore(pending.expiresAt())) {
        return refuse(
            c, LedgerError.PENDING_EXPIRED, "Pending transfer " + pending.id() + " has expired");
      }
      amount = c.amountMinor();
    } else if (c.amountMinor() != 0 && c.amountMinor() != reserved) {
      return refuse(
          c,
          LedgerError.INVALID_AMOUNT,
          "A void releases the whole reservation; give 0 or " + reserved);
    }
    long moved = c.type() == TransferType.POST_PENDING ? amount : 0;
    Transfer transfer =
        new Transfer(
            c.id(),
            c.type(),
            pending.debitAccountId(),
            pending.creditAccountId(),
            amount,
            pending.currency(),
            pending.code(),
            pending.id(),
            c.reference(),
            businessDate(c),
            null,
            now);
    TransferResult result =
        book(c, transfer, new long[] {moved, 0, -reserved, 0}, new long[] {0, moved, 0, -reserved});
    if (result.accepted()) {
      resolved.add(pending.id());
    }
    return result;
  }

  /**
   * A split transfer: checked as its legs would be as separate transfers from the debited account,
   * and moved all or nothing. An id already known is refused: split transfers are created once, by
   * paths whose ids are new by construction.
   */
  private TransferResult applySplit(CreateSplitTransfer c) {
    TransferId id = c.id();
    if (transfers.containsKey(id)) {
      return TransferResult.refused(
          id, LedgerError.TRANSFER_ID_REUSED, "Transfer id " + id + " exists");
    }
    if (c.reference().isBlank() || c.reference().length() > REFERENCE_LENGTH_MAX) {
      return TransferResult.refused(
          id, LedgerError.INVALID_TRANSFER, "The reference must have 1 to 100 characters");
    }
    if (c.legs().isEmpty() || c.legs().size() > CreateSplitTransfer.LEGS_MAX) {
      return TransferResult.refused(
          id,
          LedgerError.INVALID_TRANSFER,
          "A split transfer has 1 to " + CreateSplitTransfer.LEGS_MAX + " legs");
    }
    Map<AccountId, AccountState> credited = new HashMap<>();
    long total = 0;
    for (CreateSplitTransfer.Leg leg : c.legs()) {
      if (leg.amountMinor() <= 0 || leg.amountMinor() > Money.MAX_MINOR) {
        return TransferResult.refused(
            id,
            LedgerError.INVALID_AMOUNT,
            "Each leg's amount must be positive and at most " + Money.MAX_MINOR);
      }
      AccountId to = leg.creditAccountId();
      if (to.equals(c.debitAccountId()) || credited.containsKey(to)) {
        return TransferResult.refused(
            id,
            LedgerError.INVALID_TRANSFER,
            "Account " + to + " is the debited one or in two legs");
      }
      TransferResult refused = refuseFlow(id, c.debitAccountId(), to, c.currency(), c.code());
      if (refused != null) {
        return refused;
      }
      total += leg.amountMinor();
      if (total > Money.MAX_MINOR) {
        return TransferResult.refused(
            id, LedgerError.INVALID_AMOUNT, "The legs add up to more than " + Money.MAX_MINOR);
      }
      credited.put(to, accounts.get(to));
    }
    // Every leg passed refuseFlow: the debited account exists.
    AccountState debit = accounts.get(c.debitAccountId());
    Map<AccountId, AccountState> after = new HashMap<>();
    try {
      after.put(debit.id(), debit.plus(total, 0, 0, 0));
      for (CreateSplitTransfer.Leg leg : c.legs()) {
        after.put(
            leg.creditAccountId(),
            credited.get(leg.creditAccountId()).plus(0, leg.amountMinor(), 0, 0));
      }
    } catch (ArithmeticException e) {
      return TransferResult.refused(
          id, LedgerError.INVALID_AMOUNT, "The amount would overflow an account balance");
    }
    for (AccountState a : after.values()) {
      if (!a.withinLimits()) {
        return TransferResult.refused(
            id,
            LedgerError.INSUFFICIENT_FUNDS,
            "Insufficient funds for " + total + " from " + debit.kind() + " " + debit.id());
      }
    }
    Transfer transfer =
        new Transfer(
            id,
            TransferType.SINGLE_PHASE,
            debit.id(),
            null,
            total,
            c.currency(),
            c.code(),
            null,
            c.reference(),
            c.businessDate() == null ? today : c.businessDate(),
            null,
            now);
    accounts.putAll(after);
    changed.addAll(after.keySet());
    transfers.put(id, transfer);
    createdSplits.add(new SplitTransfer(transfer, c.legs()));
    return TransferResult.created(transfer);
  }

  /**
   * Why money may not go from one account to the other: either is unknown, not in the currency, or
   * the flow table has no such flow for the code. Null when it may. For transfers and for each leg
   * of a split transfer alike.
   */
  private @Nullable TransferResult refuseFlow(
      TransferId id, AccountId debitId, AccountId creditId, Currency currency, TransferCode code) {
    AccountState debit = accounts.get(debitId);
    AccountState credit = accounts.get(creditId);
    if (debit == null || credit == null) {
      return TransferResult.refused(
          id,
          LedgerError.ACCOUNT_NOT_FOUND,
          "Account " + (debit == null ? debitId : creditId) + " not found");
    }
    if (debit.currency() != currency || credit.currency() != currency) {
      return TransferResult.refused(
          id, LedgerError.CURRENCY_MISMATCH, "Both accounts must be in " + currency);
    }
    if (!AllowedFlows.allows(debit.kind(), credit.kind(), code)) {
      return TransferResult.refused(
          id,
          LedgerError.FLOW_NOT_ALLOWED,
          "No " + code + " from " + debit.kind() + " to " + credit.kind());
    }
    return null;
  }

  /** Applies the deltas to both accounts if both stay within their limits; otherwise nothing. */
  private TransferResult book(
      CreateTransfer c, Transfer transfer, long[] debitDelta, long[] creditDelta) {
    AccountState debit = accounts.get(transfer.debitAccountId());
    AccountState credit = accounts.get(transfer.creditAccountId());
    AccountState newDebit;
    AccountState newCredit;
    try {
      newDebit = debit.plus(debitDelta[0], debitDelta[1], debitDelta[2], debitDelta[3]);
      newCredit = credit.plus(creditDelta[0], creditDelta[1], creditDelta[2], creditDelta[3]);
      if (!newDebit.withinLimits() || !newCredit.withinLimits()) {
        return refuse(
            c,
            LedgerError.INSUFFICIENT_FUNDS,
            "Insufficient funds for "
                + transfer.amountMinor()
                + " from "
                + debit.kind()
                + " "
                + debit.id());
      }
    } catch (ArithmeticException e) {
      return refuse(c, LedgerError.INVALID_AMOUNT, "The amount would overflow an account balance");
    }
    // Invariant: counters never go negative; only a resolution subtracts, and it subtracts what was
    // reserved.
    Invariants.check(
        newDebit.countersNonNegative() && newCredit.countersNonNegative(),
        "negative counter after transfer %s",
        transfer.id());
    accounts.put(debit.id(), newDebit);
    accounts.put(credit.id(), newCredit);
    changed.add(debit.id());
    changed.add(credit.id());
    transfers.put(transfer.id(), transfer);
    created.add(transfer);
    return TransferResult.created(transfer);
  }

  private boolean validTimeout(CreateTransfer c) {
    if (c.timeout() == null) {
      return true;
    }
    return c.type() == TransferType.PENDING
        && !c.timeout().isNegative()
        && !c.timeout().isZero()
        && c.timeout().compareTo(TIMEOUT_MAX) <= 0;
  }

  private LocalDate businessDate(CreateTransfer c) {
    return c.businessDate() == null ? today : c.businessDate();
  }

  private static boolean sameOrOpen(@Nullable Object given, Object actual) {
    return given == null || given.equals(actual);
  }

  private static TransferResult refuse(CreateTransfer c, LedgerError error, String detail) {
    return TransferResult.refused(c.id(), error, detail);
  }
}
