package com.credence.ledger.domain;

import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.AccountView;
import com.credence.ledger.SplitTransfer;
import com.credence.ledger.StatementLine;
import com.credence.ledger.Transfer;
import com.credence.ledger.TransferId;
import com.credence.shared.Currency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where accounts and transfers are kept. Every method that writes runs in the caller's transaction.
 */
public interface LedgerStore {

  /** Opens the account of (owner, kind, currency) unless it exists; answers its id either way. */
  AccountId openAccount(
      AccountId newId, AccountKind kind, UUID ownerId, Currency currency, Instant now);

  /** What a batch needs, read after its accounts were locked. */
  record Locked(
      Map<AccountId, AccountState> accounts,
      Map<TransferId, Transfer> transfers,
      Set<TransferId> resolvedPendings) {}

  /**
   * In one round trip: locks the named accounts in id order (no deadlocks between batches) until
   * the transaction ends and reads their counters; then, after the locks, reads the named transfers
   * and which of the named pending transfers are resolved. Unknown ids are absent.
   */
  /**
   * Takes the row locks of these accounts in id order, until the transaction ends. Unknown ids are
   * ignored.
   */
  void lock(Collection<AccountId> accountIds);

  Locked lockAndRead(
      Collection<AccountId> accountIds,
      Collection<TransferId> transferIds,
      Collection<TransferId> pendingIds);

  /** The database's default isolation level, e.g. {@code read committed}. */
  String defaultIsolation();

  /** The stored transfers among these ids. */
  Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids);

  /** Writes new transfers and the new counters of the accounts they changed, in one round trip. */
  void write(List<Transfer> transfers, Collection<AccountState> accounts);

  /**
   * Reads the named accounts without locking them: their kind, currency and flags never change,
   * their counters may be stale by the time the caller uses them. Unknown ids are absent.
   */
  Map<AccountId, AccountState> readAccounts(Collection<AccountId> ids);

  /** What a bulk write adds to an account's posted counters. */
  record PostedDelta(AccountId id, long debitsMinor, long creditsMinor) {}

  /**
   * Writes new single-phase transfers and split transfers with their legs with COPY, then locks the
   * changed accounts in id order and adds the deltas to their posted counters in place, in the
   * caller's transaction. An id that exists already fails the whole write (the primary key).
   */
  void writeBulk(
      List<Transfer> transfers, List<SplitTransfer> splits, Collection<PostedDelta> deltas);

  Optional<AccountView> account(AccountId id);

  List<AccountView> accountsOf(UUID ownerId);

  /** Statement lines of the owner's accounts, newest first, dates inclusive. */
  List<StatementLine> statement(UUID ownerId, LocalDate from, LocalDate to, int offset, int limit);

  long statementSize(UUID ownerId, LocalDate from, LocalDate to);

  /** Unresolved pending transfers whose timeout has passed, oldest first. */
  List<Transfer> expiredPendings(Instant now, int limit);

  /**
   * Streams every account with its recomputed counters into the audit, and the split transfers
   * whose legs do not make them up; answers how many transfers and legs there are.
   */
  Written audit(LedgerAudit audit);

  /** How many transfer rows and split-transfer legs the ledger holds. */
  record Written(long transfers, long legs) {}
}
