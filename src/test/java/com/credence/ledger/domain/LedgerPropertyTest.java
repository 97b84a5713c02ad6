package com.credence.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.LedgerModel;
import com.credence.ledger.LedgerScenarioGenerator;
import com.credence.ledger.Transfer;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferResult;
import com.credence.shared.Currency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thousands of random operation sequences against the pure batch code: after every batch the ledger
 * check passes, every account equals the simple model, and every result is what the model expected.
 * A failure names its seed; rerun that seed alone to reproduce it.
 */
class LedgerPropertyTest {

  private static final int SEQUENCES = 2_000;
  private static final int BATCHES_PER_SEQUENCE = 12;

  static LongStream seeds() {
    long base = Long.getLong("ledger.seed", 20261125L);
    return LongStream.range(base, base + SEQUENCES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void checkerInvariantsHoldAndBalancesMatchTheModel(long seed) {
    Random random = new Random(seed);
    InMemoryLedger ledger = new InMemoryLedger();
    LedgerModel model = new LedgerModel();
    AccountId bank = ledger.open(AccountKind.BANK_SETTLEMENT, model);
    AccountId fees = ledger.open(AccountKind.PLATFORM_FEE_INCOME, model);
    List<AccountId> investors =
        ledger.open(AccountKind.INVESTOR_FUNDS, 1 + random.nextInt(4), model);
    List<AccountId> borrowers =
        ledger.open(AccountKind.BORROWER_FUNDS, 1 + random.nextInt(2), model);
    List<AccountId> escrows = ledger.open(AccountKind.LOAN_ESCROW, 1 + random.nextInt(3), model);
    LedgerScenarioGenerator generator =
        new LedgerScenarioGenerator(random, model, bank, fees, investors, borrowers, escrows, true);
    Instant now = Instant.parse("2026-11-25T02:00:00Z");
    for (int b = 0; b < BATCHES_PER_SEQUENCE; b++) {
      now = now.plusSeconds(random.nextInt(20));
      List<CreateTransfer> batch = generator.batch(1 + random.nextInt(12));
      BatchMode mode = random.nextBoolean() ? BatchMode.ATOMIC : BatchMode.EACH;
      String context = "seed " + seed + ", batch " + b + " (" + mode + ")";
      model = applyAndCompare(ledger, model, batch, mode, now, context);
      generator =
          new LedgerScenarioGenerator(
              random, model, bank, fees, investors, borrowers, escrows, true);
      LedgerCheckReport report = ledger.check();
      assertThat(report.balanced()).as("%s: %s", context, report.violations()).isTrue();
      assertThat(report.sumOfBalancesMinor()).as(context).isZero();
      for (AccountId id : model.accounts()) {
        assertThat(ledger.counters(id))
            .as("%s: account %s", context, id)
            .containsExactly(model.counters(id));
      }
    }
  }

  /** Applies the batch to the ledger and to the model; answers the model after the batch. */
  private static LedgerModel applyAndCompare(
      InMemoryLedger ledger,
      LedgerModel model,
      List<CreateTransfer> batch,
      BatchMode mode,
      Instant now,
      String context) {
    LedgerModel next = model.copy();
    List<LedgerModel.Expectation> expected = new ArrayList<>();
    for (CreateTransfer c : batch) {
      LedgerModel.Expectation e = next.apply(c, now);
      expected.add(e);
      if (mode == BatchMode.ATOMIC && e.error() != null) {
        break;
      }
    }
    List<TransferResult> results = ledger.apply(batch, mode, now);
    LedgerModel.Expectation last = expected.get(expected.size() - 1);
    if (mode == BatchMode.ATOMIC && last.error() != null) {
      assertThat(results).as(context).hasSize(1);
      assertThat(results.get(0).error()).as(context).isEqualTo(last.error());
      return model;
    }
    assertThat(results).as(context).hasSize(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      assertThat(results.get(i).status())
          .as("%s, transfer %d: %s", context, i, results.get(i))
          .isEqualTo(expected.get(i).status());
      assertThat(results.get(i).error())
          .as("%s, transfer %d", context, i)
          .isEqualTo(expected.get(i).error());
    }
    return next;
  }

  /** The ledger's batch code on maps instead of tables, committing like the service does. */
  static final class InMemoryLedger {

    private final Map<AccountId, AccountState> accounts = new LinkedHashMap<>();
    private final Map<TransferId, Transfer> transfers = new LinkedHashMap<>();
    private final Set<TransferId> resolved = new HashSet<>();

    AccountId open(AccountKind kind, LedgerModel model) {
      AccountId id = new AccountId(UUID.randomUUID());
      accounts.put(id, AccountState.opened(id, kind, Currency.CNY));
      model.open(id, kind, new long[4]);
      return id;
    }

    List<AccountId> open(AccountKind kind, int count, LedgerModel model) {
      List<AccountId> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(open(kind, model));
      }
      return ids;
    }

    List<TransferResult> apply(List<CreateTransfer> batch, BatchMode mode, Instant now) {
      TransferBatch.Outcome outcome =
          new TransferBatch(accounts, transfers, resolved, now, LocalDate.of(2026, 11, 25))
              .apply(batch, mode);
      for (Transfer t : outcome.created()) {
        transfers.put(t.id(), t);
        if (t.pendingId() != null) {
          resolved.add(t.pendingId());
        }
      }
      for (AccountState a : outcome.changedAccounts()) {
        accounts.put(a.id(), a);
      }
      return outcome.results();
    }

    long[] counters(AccountId id) {
      AccountState a = accounts.get(id);
      return new long[] {
        a.debitsPosted(), a.creditsPosted(), a.debitsPending(), a.creditsPending()
      };
    }

    LedgerCheckReport check() {
      LedgerAudit audit = new LedgerAudit();
      Map<AccountId, LedgerAudit.Counters> sums =
          new HashMap<>(LedgerAudit.recompute(transfers.values()));
      for (AccountState a : accounts.values()) {
        audit.add(
            new LedgerAudit.AccountAudit(a, sums.getOrDefault(a.id(), LedgerAudit.Counters.ZERO)));
      }
      audit.pendingResolvedTwice(LedgerAudit.resolvedTwice(transfers.values()));
      return audit.report(transfers.size());
    }
  }
}
