package com.credence.bank;

import com.credence.bank.domain.CustodianBank;
import com.credence.bank.domain.CustodianBank.BatchAnswer;
import com.credence.bank.domain.CustodianBank.BatchPosition;
import com.credence.bank.domain.CustodianBank.BatchResult;
import com.credence.bank.domain.CustodianBank.TransferBatch;
import com.credence.bank.domain.CustodianBank.TransferLine;
import com.credence.bank.persistence.BankStore;
import com.credence.ledger.AccountKind;
import com.credence.ledger.CustodyFeed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the custodian bank about every posted movement between custody accounts (资金划转指令):
 * investments posted at full funding, disbursements, repayments, distributions, fees, refunds. The
 * bank holds the money, so it must move it too; otherwise the daily reconciliation would find every
 * investor's and borrower's balance different.
 *
 * <p>The movements come from the ledger's {@link CustodyFeed} in a gap-free order. The bank keeps
 * the chain: each batch starts where the last one ended ({@link CustodianBank#lastBatchPosition}),
 * so a batch sent twice, or by two app nodes at once, is applied once. A user's funds account maps
 * to the user's sub-account; a loan escrow or the platform's fee account maps to a custody account
 * opened for it on first use. A movement of a user who has no sub-account cannot be instructed; it
 * is counted and left for the reconciliation to report.
 */
@Service
public class CustodyInstructions {

  private static final Logger log = LoggerFactory.getLogger(CustodyInstructions.class);
  static final int PAGE_SIZE = 20_000;
  private static final int PAGES_PER_FLUSH_MAX = 1_000;
  private static final int REJECTIONS_LOGGED = 10;

  private final CustodyFeed feed;
  private final CustodianBank bank;
  private final BankStore store;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final TransactionTemplate ownTransaction;
  private final Map<UUID, String> userAccounts = new ConcurrentHashMap<>();
  private final Map<UUID, String> ledgerAccounts = new ConcurrentHashMap<>();
  private final Counter applied;
  private final Counter unmapped;
  private final Counter rejected;

  CustodyInstructions(
      CustodyFeed feed,
      CustodianBank bank,
      BankStore store,
      Clock clock,
      MeterRegistry meters,
      PlatformTransactionManager transactions) {
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.feed = feed;
    this.bank = bank;
    this.store = store;
    this.clock = clock;
    this.applied =
        Counter.builder("credence.bank.custody.movements")
            .description("Movements between custody accounts instructed to the bank")
            .register(meters);
    this.unmapped =
        Counter.builder("credence.bank.custody.unmapped")
            .description("Movements of a funds account without a bank sub-account (not instructed)")
            .register(meters);
    this.rejected =
        Counter.builder("credence.bank.custody.rejected")
            .description("Transfer lines the bank rejected (unknown account, insufficient balance)")
            .register(meters);
  }

  /**
   * Sends the bank every movement it has not had yet, in batches. On one node one flush runs at a
   * time; between nodes the bank's chain decides.
   *
   * @return how many movements the bank executed
   */
  public long flush() {
    lock.lock();
    try {
      long sent = 0;
      for (int page = 0; page < PAGES_PER_FLUSH_MAX; page++) {
        BatchPosition from = bank.lastBatchPosition();
        CustodyFeed.Page movements =
            feed.after(new CustodyFeed.Position(from.xact(), from.seq()), PAGE_SIZE);
        BatchPosition to = new BatchPosition(movements.next().xact(), movements.next().seq());
        if (to.equals(from)) {
          return sent;
        }
        List<TransferLine> lines = lines(movements.movements());
        UUID batchId =
            UUID.nameUUIDFromBytes(
                ("custody:" + from.xact() + ":" + from.seq()).getBytes(StandardCharsets.UTF_8));
        BatchAnswer answer = bank.transfer(new TransferBatch(batchId, from, to, lines));
        if (answer.result() == BatchResult.OUT_OF_SEQUENCE) {
          return sent;
        }
        if (!answer.rejected().isEmpty()) {
          rejected.increment(answer.rejected().size());
          log.error(
              "The custodian bank rejected {} transfer line(s); the reconciliation will show the"
                  + " difference; the first: {}",
              answer.rejected().size(),
              answer.rejected().entrySet().stream().limit(REJECTIONS_LOGGED).toList());
        }
        int executed = lines.size() - answer.rejected().size();
        sent += executed;
        applied.increment(executed);
      }
      return sent;
    } finally {
      lock.unlock();
    }
  }

  /** The bank account that holds a ledger account's money, if the bank has one for it. */
  private Optional<String> bankAccount(CustodyFeed.Party party, Set<UUID> withoutAccount) {
    return switch (party.kind()) {
      case INVESTOR_FUNDS, BORROWER_FUNDS -> userAccount(party.ownerId(), withoutAccount);
      case LOAN_ESCROW, PLATFORM_FEE_INCOME -> Optional.of(ledgerAccount(party));
      case BANK_SETTLEMENT -> Optional.empty();
    };
  }

  private List<TransferLine> lines(List<CustodyFeed.Movement> movements) {
    List<TransferLine> lines = new ArrayList<>(movements.size());
    Set<UUID> withoutAccount = new HashSet<>();
    for (CustodyFeed.Movement m : movements) {
      Optional<String> from = bankAccount(m.from(), withoutAccount);
      Optional<String> to = bankAccount(m.to(), withoutAccount);
      if (from.isEmpty() || to.isEmpty()) {
        unmapped.increment();
        log.debug("Movement {} has a side without a bank account; not instructed", m.transferId());
        continue;
      }
      lines.add(new TransferLine(m.reference(), from.get(), to.get(), m.amountMinor()));
    }
    return lines;
  }

  private Optional<String> userAccount(UUID userId, Set<UUID> withoutAccount) {
    String known = userAccounts.get(userId);
    if (known != null) {
      return Optional.of(known);
    }
    if (withoutAccount.contains(userId)) {
      return Optional.empty();
    }
    Optional<String> found = store.subAccount(userId);
    found.ifPresentOrElse(no -> userAccounts.put(userId, no), () -> withoutAccount.add(userId));
    return found;
  }

  private String ledgerAccount(CustodyFeed.Party party) {
    UUID id = party.accountId().value();
    return ledgerAccounts.computeIfAbsent(
        id,
        key ->
            store
                .custodyAccount(key)
                .orElseGet(
                    () -> {
                      String no = bank.openLedgerAccount(key, purpose(party.kind()));
                      // Committed at once, like the bank's side: a caller's rollback must not
                      // forget an account the bank already opened.
                      ownTransaction.executeWithoutResult(
                          status ->
                              store.insertCustodyAccount(
                                  key, no, party.kind().name(), clock.instant()));
                      return no;
                    }));
  }

  private static String purpose(AccountKind kind) {
    return kind == AccountKind.LOAN_ESCROW ? "Loan escrow" : "Platform fee income";
  }
}
