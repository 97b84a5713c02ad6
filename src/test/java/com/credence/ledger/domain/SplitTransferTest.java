package com.credence.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateSplitTransfer;
import com.credence.ledger.CreateSplitTransfer.Leg;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.LedgerError;
import com.credence.ledger.SplitTransfer;
import com.credence.ledger.Transfer;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferResult;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Split transfers (ADR 0024) against the transfers they stand for: a split moves exactly what its
 * legs as separate transfers would, is accepted exactly when they would all be, and the ledger
 * check recomputes the same counters from it.
 */
class SplitTransferTest {

  private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  private static final int SEQUENCES = 1_000;

  static LongStream seeds() {
    long base = Long.getLong("ledger.seed", 20261205L);
    return LongStream.range(base, base + SEQUENCES);
  }

  /**
   * A random funded escrow pays a random split to random accounts (sometimes one that may not
   * receive a distribution, an unknown one, a zero amount, or more than the escrow holds); the same
   * legs as single transfers are applied to a copy of the accounts.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSplitMovesWhatItsLegsAsTransfersWouldAndTheCheckAgrees(long seed) {
    Random random = new Random(seed);
    Books books = new Books();
    AccountState escrow = books.escrow;
    List<AccountState> credited = new ArrayList<>();
    int investors = 1 + random.nextInt(8);
    for (int i = 0; i < investors; i++) {
      credited.add(books.open(AccountKind.INVESTOR_FUNDS));
    }
    if (random.nextInt(10) == 0) {
      credited.add(books.open(AccountKind.PLATFORM_FEE_INCOME));
    }
    long funded = 1 + random.nextInt(100_000);
    List<CreateTransfer> funding = books.funding(funded);
    List<Leg> legs = new ArrayList<>();
    for (AccountState to : credited) {
      if (random.nextInt(4) > 0) {
        long amount = random.nextInt(50) == 0 ? 0 : 1 + random.nextInt((int) (funded / 4) + 2);
        legs.add(new Leg(to.id(), amount));
      }
    }
    if (random.nextInt(25) == 0) {
      legs.add(new Leg(new AccountId(UUID.randomUUID()), 1));
    }
    CreateSplitTransfer split = split(escrow.id(), legs);
    List<CreateTransfer> asTransfers = new ArrayList<>(funding);
    for (Leg leg : legs) {
      asTransfers.add(
          single(escrow.id(), leg.creditAccountId(), leg.amountMinor(), TransferCode.DISTRIBUTION));
    }

    TransferBatch splitBatch = books.batch();
    TransferBatch.Outcome splitOutcome =
        splitBatch.apply(funding, List.of(split), BatchMode.ATOMIC);
    TransferBatch singleBatch = books.batch();
    TransferBatch.Outcome singleOutcome = singleBatch.apply(asTransfers, BatchMode.ATOMIC);

    boolean emptySplit = legs.isEmpty();
    String context = "seed " + seed + ", legs " + legs + ", funded " + funded;
    assertThat(splitOutcome.firstRefusal() == null)
        .as(context)
        .isEqualTo(singleOutcome.firstRefusal() == null && !emptySplit);
    if (splitOutcome.firstRefusal() != null) {
      assertThat(splitOutcome.created()).as(context).isEmpty();
      assertThat(splitOutcome.splits()).as(context).isEmpty();
      assertThat(splitOutcome.changedAccounts()).as(context).isEmpty();
      return;
    }
    for (AccountId id : books.accounts.keySet()) {
      assertThat(splitBatch.accounts().get(id))
          .as(context)
          .isEqualTo(singleBatch.accounts().get(id));
    }
    Transfer stored = splitOutcome.splits().get(0).transfer();
    assertThat(stored.creditAccountId()).isNull();
    assertThat(stored.amountMinor()).isEqualTo(legs.stream().mapToLong(Leg::amountMinor).sum());
    assertThat(check(splitBatch, splitOutcome).balanced()).as(context).isTrue();
  }

  @Test
  void everyLegIsCheckedAndARefusalMovesNothing() {
    Books books = new Books();
    Map<AccountId, AccountState> accounts = books.accounts;
    AccountState escrow = books.escrow;
    AccountState a = books.open(AccountKind.INVESTOR_FUNDS);
    AccountState b = books.open(AccountKind.INVESTOR_FUNDS);
    AccountState fees = books.open(AccountKind.PLATFORM_FEE_INCOME);
    List<CreateTransfer> funding = books.funding(1_000);
    AccountId unknown = new AccountId(UUID.randomUUID());

    assertThat(refusal(accounts, funding, split(escrow.id(), List.of())))
        .isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(refusal(accounts, funding, split(escrow.id(), legs(a, 0))))
        .isEqualTo(LedgerError.INVALID_AMOUNT);
    assertThat(refusal(accounts, funding, split(escrow.id(), legs(a, -5))))
        .isEqualTo(LedgerError.INVALID_AMOUNT);
    assertThat(refusal(accounts, funding, split(escrow.id(), legs(a, Money.MAX_MINOR + 1))))
        .isEqualTo(LedgerError.INVALID_AMOUNT);
    assertThat(
            refusal(
                accounts,
                funding,
                split(escrow.id(), List.of(new Leg(a.id(), 10), new Leg(a.id(), 20)))))
        .as("one account, two legs")
        .isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(refusal(accounts, funding, split(escrow.id(), legs(escrow, 10))))
        .as("a leg to the debited account")
        .isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(refusal(accounts, funding, split(escrow.id(), List.of(new Leg(unknown, 10)))))
        .isEqualTo(LedgerError.ACCOUNT_NOT_FOUND);
    assertThat(refusal(accounts, funding, split(unknown, legs(a, 10))))
        .isEqualTo(LedgerError.ACCOUNT_NOT_FOUND);
    assertThat(refusal(accounts, funding, split(escrow.id(), legs(fees, 10))))
        .as("fee income receives fees, not distributions")
        .isEqualTo(LedgerError.FLOW_NOT_ALLOWED);
    assertThat(
            refusal(
                accounts,
                funding,
                split(escrow.id(), List.of(new Leg(a.id(), 600), new Leg(b.id(), 401)))))
        .as("the legs together exceed the escrow")
        .isEqualTo(LedgerError.INSUFFICIENT_FUNDS);
    CreateSplitTransfer blank =
        new CreateSplitTransfer(
            id(), escrow.id(), legs(a, 1), Currency.CNY, TransferCode.DISTRIBUTION, " ", null);
    assertThat(refusal(accounts, funding, blank)).isEqualTo(LedgerError.INVALID_TRANSFER);
  }

  @Test
  void anIdTheBatchKnowsIsRefusedAndEachModeGoesOnAfterARefusal() {
    Books books = new Books();
    AccountState escrow = books.escrow;
    AccountState a = books.open(AccountKind.INVESTOR_FUNDS);
    List<CreateTransfer> funding = books.funding(500);
    CreateTransfer deposit = funding.get(0);
    CreateSplitTransfer reused =
        new CreateSplitTransfer(
            deposit.id(),
            escrow.id(),
            legs(a, 1),
            Currency.CNY,
            TransferCode.DISTRIBUTION,
            "x",
            null);
    CreateSplitTransfer good = split(escrow.id(), legs(a, 200));

    TransferBatch batch = books.batch();
    TransferBatch.Outcome outcome = batch.apply(funding, List.of(reused, good), BatchMode.EACH);

    assertThat(outcome.results())
        .extracting(TransferResult::status)
        .containsExactly(
            TransferResult.Status.CREATED,
            TransferResult.Status.CREATED,
            TransferResult.Status.REFUSED,
            TransferResult.Status.CREATED);
    assertThat(outcome.firstRefusal().error()).isEqualTo(LedgerError.TRANSFER_ID_REUSED);
    assertThat(outcome.splits()).hasSize(1);
    assertThat(outcome.splits().get(0).transfer().businessDate()).isEqualTo(TODAY);
    assertThat(batch.accounts().get(a.id()).creditsPosted()).isEqualTo(200);
    assertThat(batch.accounts().get(escrow.id()).debitsPosted()).isEqualTo(200);
    assertThat(check(batch, outcome).balanced()).isTrue();
  }

  @Test
  void theCheckFindsAnAccountThatALegDidNotReach() {
    Books books = new Books();
    AccountState a = books.open(AccountKind.INVESTOR_FUNDS);
    AccountState b = books.open(AccountKind.INVESTOR_FUNDS);
    TransferBatch batch = books.batch();
    TransferBatch.Outcome outcome =
        batch.apply(
            books.funding(500),
            List.of(split(books.escrow.id(), List.of(new Leg(a.id(), 100), new Leg(b.id(), 50)))),
            BatchMode.ATOMIC);
    // The same split as if one leg had been lost: b's counters no longer match the transfers.
    SplitTransfer split = outcome.splits().get(0);
    SplitTransfer lost = new SplitTransfer(split.transfer(), split.legs().subList(0, 1));
    LedgerAudit audit = new LedgerAudit();
    Map<AccountId, LedgerAudit.Counters> sums =
        new HashMap<>(LedgerAudit.recompute(outcome.created(), List.of(lost)));
    for (AccountState state : batch.accounts().values()) {
      audit.add(
          new LedgerAudit.AccountAudit(
              state, sums.getOrDefault(state.id(), LedgerAudit.Counters.ZERO)));
    }

    assertThat(audit.report(3).balanced()).isFalse();
    assertThat(audit.report(3).violations()).anyMatch(v -> v.contains(b.id().toString()));
  }

  private static LedgerCheckReport check(TransferBatch batch, TransferBatch.Outcome outcome) {
    LedgerAudit audit = new LedgerAudit();
    Map<AccountId, LedgerAudit.Counters> sums =
        new HashMap<>(LedgerAudit.recompute(outcome.created(), outcome.splits()));
    for (AccountState a : batch.accounts().values()) {
      audit.add(
          new LedgerAudit.AccountAudit(a, sums.getOrDefault(a.id(), LedgerAudit.Counters.ZERO)));
    }
    return audit.report(outcome.created().size() + outcome.splits().size());
  }

  private static LedgerError refusal(
      Map<AccountId, AccountState> accounts,
      List<CreateTransfer> funding,
      CreateSplitTransfer split) {
    TransferBatch.Outcome outcome =
        batch(accounts).apply(funding, List.of(split), BatchMode.ATOMIC);
    assertThat(outcome.created()).isEmpty();
    assertThat(outcome.changedAccounts()).isEmpty();
    return outcome.firstRefusal() == null ? null : outcome.firstRefusal().error();
  }

  private static List<Leg> legs(AccountState to, long amountMinor) {
    return List.of(new Leg(to.id(), amountMinor));
  }

  /** A bank, a borrower and a loan escrow, and the transfers that fund the escrow. */
  private static final class Books {
    final Map<AccountId, AccountState> accounts = new LinkedHashMap<>();
    final AccountState bank = open(AccountKind.BANK_SETTLEMENT);
    final AccountState borrower = open(AccountKind.BORROWER_FUNDS);
    final AccountState escrow = open(AccountKind.LOAN_ESCROW);

    AccountState open(AccountKind kind) {
      AccountState a = AccountState.opened(new AccountId(UUID.randomUUID()), kind, Currency.CNY);
      accounts.put(a.id(), a);
      return a;
    }

    /** A deposit to the borrower and its repayment into the escrow. */
    List<CreateTransfer> funding(long amountMinor) {
      return List.of(
          single(bank.id(), borrower.id(), amountMinor, TransferCode.DEPOSIT),
          single(borrower.id(), escrow.id(), amountMinor, TransferCode.REPAYMENT));
    }

    TransferBatch batch() {
      return SplitTransferTest.batch(accounts);
    }
  }

  private static TransferBatch batch(Map<AccountId, AccountState> accounts) {
    return new TransferBatch(accounts, Map.of(), Set.of(), NOW, TODAY);
  }

  private static CreateTransfer single(
      AccountId debit, AccountId credit, long amountMinor, TransferCode code) {
    return CreateTransfer.single(id(), debit, credit, amountMinor, Currency.CNY, code, "t");
  }

  private static CreateSplitTransfer split(AccountId debit, List<Leg> legs) {
    return new CreateSplitTransfer(
        id(), debit, legs, Currency.CNY, TransferCode.DISTRIBUTION, "distribution", null);
  }

  private static TransferId id() {
    return new TransferId(UUID.randomUUID());
  }
}
