package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.shared.Currency;
import com.credence.support.IntegrationTestBase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The property test of the pure batch code, against the real service and PostgreSQL with fewer
 * sequences: results match the simple model, balances match it, and the checker passes after each
 * sequence. Each sequence uses its own accounts, so sequences do not see each other.
 */
class LedgerPropertyIT extends IntegrationTestBase {

  private static final int SEQUENCES = 25;
  private static final int BATCHES_PER_SEQUENCE = 10;

  @Autowired LedgerService ledger;

  @Autowired LedgerChecker checker;

  @Autowired Clock clock;

  static LongStream seeds() {
    long base = Long.getLong("ledger.seed", 7_000L);
    return LongStream.range(base, base + SEQUENCES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void databaseLedgerMatchesTheModel(long seed) {
    Random random = new Random(seed);
    LedgerModel model = new LedgerModel();
    AccountId bank = open(AccountKind.BANK_SETTLEMENT, model);
    AccountId fees = open(AccountKind.PLATFORM_FEE_INCOME, model);
    List<AccountId> investors = open(AccountKind.INVESTOR_FUNDS, 1 + random.nextInt(4), model);
    List<AccountId> borrowers = open(AccountKind.BORROWER_FUNDS, 1 + random.nextInt(2), model);
    List<AccountId> escrows = open(AccountKind.LOAN_ESCROW, 1 + random.nextInt(3), model);
    for (int b = 0; b < BATCHES_PER_SEQUENCE; b++) {
      LedgerScenarioGenerator generator =
          new LedgerScenarioGenerator(
              random, model, bank, fees, investors, borrowers, escrows, false);
      List<CreateTransfer> batch = generator.batch(1 + random.nextInt(12));
      BatchMode mode = random.nextBoolean() ? BatchMode.ATOMIC : BatchMode.EACH;
      String context = "seed " + seed + ", batch " + b + " (" + mode + ")";
      model = applyAndCompare(model, batch, mode, context);
      for (AccountId id : model.accounts()) {
        AccountView a = ledger.account(id).orElseThrow();
        assertThat(
                new long[] {
                  a.debitsPostedMinor(),
                  a.creditsPostedMinor(),
                  a.debitsPendingMinor(),
                  a.creditsPendingMinor()
                })
            .as("%s: account %s", context, id)
            .containsExactly(model.counters(id));
      }
    }
    LedgerCheckReport report = checker.check();
    assertThat(report.balanced()).as("seed %d: %s", seed, report.violations()).isTrue();
  }

  private LedgerModel applyAndCompare(
      LedgerModel model, List<CreateTransfer> batch, BatchMode mode, String context) {
    LedgerModel next = model.copy();
    // Without timeouts the model never needs the real time; any instant will do.
    Instant now = Instant.EPOCH;
    List<LedgerModel.Expectation> expected = new ArrayList<>();
    for (CreateTransfer c : batch) {
      LedgerModel.Expectation e = next.apply(c, now);
      expected.add(e);
      if (mode == BatchMode.ATOMIC && e.error() != null) {
        LedgerError error = e.error();
        assertThatThrownBy(() -> ledger.createTransfers(batch, mode))
            .as(context)
            .isInstanceOfSatisfying(
                LedgerException.class, ex -> assertThat(ex.error()).isEqualTo(error));
        return model;
      }
    }
    List<TransferResult> results = ledger.createTransfers(batch, mode);
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

  private AccountId open(AccountKind kind, LedgerModel model) {
    AccountId id = ledger.openAccount(kind, UUID.randomUUID(), Currency.CNY);
    model.open(id, kind, new long[4]);
    return id;
  }

  private List<AccountId> open(AccountKind kind, int count, LedgerModel model) {
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(open(kind, model));
    }
    return ids;
  }
}
