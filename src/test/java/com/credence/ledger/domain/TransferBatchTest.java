package com.credence.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerError;
import com.credence.ledger.Transfer;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferResult;
import com.credence.ledger.TransferType;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferBatchTest {

  private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private final AccountState bank = account(AccountKind.BANK_SETTLEMENT);
  private final AccountState investor = account(AccountKind.INVESTOR_FUNDS);
  private final AccountState borrower = account(AccountKind.BORROWER_FUNDS);
  private final AccountState escrow = account(AccountKind.LOAN_ESCROW);
  private final Map<AccountId, AccountState> accounts =
      new HashMap<>(
          Map.of(
              bank.id(),
              bank,
              investor.id(),
              investor,
              borrower.id(),
              borrower,
              escrow.id(),
              escrow));

  @Test
  void depositMovesPostedMoneyFromTheBankSettlementAccount() {
    TransferBatch batch = batch(Map.of());
    TransferBatch.Outcome outcome = batch.apply(List.of(deposit(100_00)), BatchMode.ATOMIC);
    assertThat(outcome.results().get(0).status()).isEqualTo(TransferResult.Status.CREATED);
    assertThat(batch.accounts().get(investor.id()).creditsPosted()).isEqualTo(100_00);
    assertThat(batch.accounts().get(bank.id()).debitsPosted()).isEqualTo(100_00);
    assertThat(outcome.created().get(0).businessDate()).isEqualTo(TODAY);
  }

  @Test
  void refusesZeroNegativeAndOverflowingAmounts() {
    assertThat(refusal(deposit(0))).isEqualTo(LedgerError.INVALID_AMOUNT);
    assertThat(refusal(deposit(-5))).isEqualTo(LedgerError.INVALID_AMOUNT);
    assertThat(refusal(deposit(Money.MAX_MINOR + 1))).isEqualTo(LedgerError.INVALID_AMOUNT);
    accounts.put(
        investor.id(),
        new AccountState(
            investor.id(),
            investor.kind(),
            Currency.CNY,
            investor.flags(),
            0,
            Long.MAX_VALUE - 10,
            0,
            0));
    accounts.put(
        bank.id(),
        new AccountState(
            bank.id(), bank.kind(), Currency.CNY, bank.flags(), Long.MAX_VALUE - 10, 0, 0, 0));
    assertThat(refusal(deposit(100))).isEqualTo(LedgerError.INVALID_AMOUNT);
  }

  @Test
  void refusesFlowsOutsideTheTableAndUnknownAccounts() {
    assertThat(
            refusal(
                CreateTransfer.single(
                    id(),
                    investor.id(),
                    borrower.id(),
                    1,
                    Currency.CNY,
                    TransferCode.INVESTMENT,
                    "x")))
        .isEqualTo(LedgerError.FLOW_NOT_ALLOWED);
    assertThat(
            refusal(
                CreateTransfer.single(
                    id(),
                    bank.id(),
                    new AccountId(UUID.randomUUID()),
                    1,
                    Currency.CNY,
                    TransferCode.DEPOSIT,
                    "x")))
        .isEqualTo(LedgerError.ACCOUNT_NOT_FOUND);
    assertThat(
            refusal(
                CreateTransfer.single(
                    id(), investor.id(), investor.id(), 1, Currency.CNY, TransferCode.RESALE, "x")))
        .isEqualTo(LedgerError.INVALID_TRANSFER);
  }

  @Test
  void refusesWhatWouldTakeAFlaggedAccountNegative() {
    assertThat(
            refusal(
                CreateTransfer.single(
                    id(),
                    investor.id(),
                    escrow.id(),
                    1,
                    Currency.CNY,
                    TransferCode.INVESTMENT,
                    "x")))
        .isEqualTo(LedgerError.INSUFFICIENT_FUNDS);
  }

  @Test
  void atomicBatchStopsAtTheFirstRefusalAndWritesNothing() {
    TransferBatch.Outcome outcome =
        batch(Map.of()).apply(List.of(deposit(100), deposit(0), deposit(200)), BatchMode.ATOMIC);
    assertThat(outcome.firstRefusal().error()).isEqualTo(LedgerError.INVALID_AMOUNT);
    assertThat(outcome.created()).isEmpty();
    assertThat(outcome.changedAccounts()).isEmpty();
  }

  @Test
  void eachModeReportsTheRefusedOneAndKeepsTheOthers() {
    TransferBatch.Outcome outcome =
        batch(Map.of()).apply(List.of(deposit(100), deposit(0), deposit(200)), BatchMode.EACH);
    assertThat(outcome.results())
        .extracting(TransferResult::status)
        .containsExactly(
            TransferResult.Status.CREATED,
            TransferResult.Status.REFUSED,
            TransferResult.Status.CREATED);
    assertThat(outcome.created()).hasSize(2);
  }

  @Test
  void laterTransfersOfABatchSeeTheEarlierOnes() {
    TransferId freeze = id();
    List<CreateTransfer> commands =
        List.of(
            deposit(500),
            CreateTransfer.pending(
                freeze,
                investor.id(),
                escrow.id(),
                Money.cny(500),
                TransferCode.INVESTMENT,
                "bid",
                null),
            CreateTransfer.post(id(), freeze, 300, "full"),
            CreateTransfer.voidPending(id(), freeze, "again"));
    TransferBatch batch = batch(Map.of());
    TransferBatch.Outcome outcome = batch.apply(commands, BatchMode.EACH);
    assertThat(outcome.results())
        .extracting(TransferResult::error)
        .containsExactly(null, null, null, LedgerError.PENDING_ALREADY_RESOLVED);
    AccountState after = batch.accounts().get(investor.id());
    assertThat(after.creditsPosted() - after.debitsPosted()).isEqualTo(200);
    assertThat(after.debitsPending()).isZero();
  }

  @Test
  void sameIdSameFieldsIsAReplayDifferentFieldsIsRefused() {
    CreateTransfer deposit = deposit(100);
    TransferBatch.Outcome first = batch(Map.of()).apply(List.of(deposit), BatchMode.ATOMIC);
    Transfer stored = first.created().get(0);
    TransferBatch again = batch(Map.of(stored.id(), stored));
    assertThat(again.apply(List.of(deposit), BatchMode.ATOMIC).results().get(0).status())
        .isEqualTo(TransferResult.Status.ALREADY_EXISTS);
    CreateTransfer changed =
        CreateTransfer.single(
            deposit.id(),
            bank.id(),
            investor.id(),
            101,
            Currency.CNY,
            TransferCode.DEPOSIT,
            deposit.reference());
    assertThat(
            batch(Map.of(stored.id(), stored))
                .apply(List.of(changed), BatchMode.ATOMIC)
                .firstRefusal()
                .error())
        .isEqualTo(LedgerError.TRANSFER_ID_REUSED);
  }

  @Test
  void anExpiredPendingTransferCannotBePostedButCanBeVoided() {
    Transfer pending =
        new Transfer(
            id(),
            TransferType.PENDING,
            investor.id(),
            escrow.id(),
            100,
            Currency.CNY,
            TransferCode.INVESTMENT,
            null,
            "bid",
            TODAY,
            NOW.minusSeconds(1),
            NOW.minusSeconds(61));
    accounts.put(investor.id(), investor.plus(0, 100, 100, 0));
    accounts.put(escrow.id(), escrow.plus(0, 0, 0, 100));
    assertThat(
            batch(Map.of(pending.id(), pending))
                .apply(List.of(CreateTransfer.post(id(), pending.id(), 100, "p")), BatchMode.ATOMIC)
                .firstRefusal()
                .error())
        .isEqualTo(LedgerError.PENDING_EXPIRED);
    assertThat(
            batch(Map.of(pending.id(), pending))
                .apply(
                    List.of(CreateTransfer.voidPending(id(), pending.id(), "v")), BatchMode.ATOMIC)
                .firstRefusal())
        .isNull();
  }

  @Test
  void onlyPendingTransfersHaveATimeout() {
    CreateTransfer withTimeout =
        new CreateTransfer(
            id(),
            TransferType.SINGLE_PHASE,
            bank.id(),
            investor.id(),
            1,
            Currency.CNY,
            TransferCode.DEPOSIT,
            null,
            "x",
            null,
            Duration.ofMinutes(1));
    assertThat(refusal(withTimeout)).isEqualTo(LedgerError.INVALID_TRANSFER);
  }

  @Test
  void referencesHaveOneToAHundredCharacters() {
    assertThat(refusal(withReference(" "))).isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(refusal(withReference("r".repeat(101)))).isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(accepted(withReference("r".repeat(100)))).isTrue();
  }

  @Test
  void theLargestAmountIsAccepted() {
    assertThat(accepted(deposit(Money.MAX_MINOR))).isTrue();
  }

  @Test
  void timeoutsArePositiveAndAtMostAYear() {
    assertThat(accepted(pendingWithTimeout(TransferBatch.TIMEOUT_MAX))).isTrue();
    assertThat(refusal(pendingWithTimeout(TransferBatch.TIMEOUT_MAX.plusSeconds(1))))
        .isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(refusal(pendingWithTimeout(Duration.ZERO))).isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(refusal(pendingWithTimeout(Duration.ofSeconds(-1))))
        .isEqualTo(LedgerError.INVALID_TRANSFER);
  }

  @Test
  void aPostOrVoidMustMatchItsPendingTransfer() {
    Transfer pending =
        new Transfer(
            id(),
            TransferType.PENDING,
            investor.id(),
            escrow.id(),
            100,
            Currency.CNY,
            TransferCode.INVESTMENT,
            null,
            "bid",
            TODAY,
            null,
            NOW);
    Transfer posted =
        new Transfer(
            id(),
            TransferType.SINGLE_PHASE,
            bank.id(),
            investor.id(),
            100,
            Currency.CNY,
            TransferCode.DEPOSIT,
            null,
            "dep",
            TODAY,
            null,
            NOW);
    accounts.put(investor.id(), investor.plus(0, 100, 100, 0));
    accounts.put(escrow.id(), escrow.plus(0, 0, 0, 100));
    Map<TransferId, Transfer> known = Map.of(pending.id(), pending, posted.id(), posted);
    assertThat(
            resolveError(
                known, resolution(TransferType.POST_PENDING, pending.id(), borrower.id(), 100)))
        .isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(resolveError(known, resolution(TransferType.POST_PENDING, null, null, 100)))
        .isEqualTo(LedgerError.INVALID_TRANSFER);
    assertThat(resolveError(known, CreateTransfer.post(id(), posted.id(), 100, "p")))
        .isEqualTo(LedgerError.NOT_PENDING);
    assertThat(resolveError(known, CreateTransfer.post(id(), pending.id(), 101, "p")))
        .isEqualTo(LedgerError.EXCEEDS_PENDING_AMOUNT);
    assertThat(resolveError(known, CreateTransfer.post(id(), pending.id(), 0, "p")))
        .isEqualTo(LedgerError.INVALID_AMOUNT);
    assertThat(resolveError(known, resolution(TransferType.VOID_PENDING, pending.id(), null, 50)))
        .isEqualTo(LedgerError.INVALID_AMOUNT);
    assertThat(
            resolveError(
                known, resolution(TransferType.VOID_PENDING, pending.id(), investor.id(), 100)))
        .isNull();
    assertThat(
            resolveError(
                known, resolution(TransferType.POST_PENDING, pending.id(), investor.id(), 100)))
        .isNull();
  }

  private CreateTransfer resolution(
      TransferType type, TransferId pendingId, AccountId debit, long amount) {
    return new CreateTransfer(
        id(), type, debit, null, amount, null, null, pendingId, "r", null, null);
  }

  private LedgerError resolveError(Map<TransferId, Transfer> known, CreateTransfer command) {
    TransferResult refusal = batch(known).apply(List.of(command), BatchMode.ATOMIC).firstRefusal();
    return refusal == null ? null : refusal.error();
  }

  private CreateTransfer withReference(String reference) {
    return CreateTransfer.single(
        id(), bank.id(), investor.id(), 1, Currency.CNY, TransferCode.DEPOSIT, reference);
  }

  private CreateTransfer pendingWithTimeout(Duration timeout) {
    accounts.put(investor.id(), investor.plus(0, 100, 0, 0));
    return CreateTransfer.pending(
        id(), investor.id(), escrow.id(), Money.cny(1), TransferCode.INVESTMENT, "bid", timeout);
  }

  private boolean accepted(CreateTransfer command) {
    return batch(Map.of()).apply(List.of(command), BatchMode.ATOMIC).firstRefusal() == null;
  }

  private LedgerError refusal(CreateTransfer command) {
    TransferResult result =
        batch(Map.of()).apply(List.of(command), BatchMode.ATOMIC).firstRefusal();
    assertThat(result).as("expected a refusal").isNotNull();
    return result.error();
  }

  private TransferBatch batch(Map<TransferId, Transfer> transfers) {
    Set<TransferId> resolved = Set.of();
    return new TransferBatch(accounts, transfers, resolved, NOW, TODAY);
  }

  private CreateTransfer deposit(long amountMinor) {
    return CreateTransfer.single(
        id(),
        bank.id(),
        investor.id(),
        amountMinor,
        Currency.CNY,
        TransferCode.DEPOSIT,
        "bank-order-1");
  }

  private static AccountState account(AccountKind kind) {
    return AccountState.opened(new AccountId(UUID.randomUUID()), kind, Currency.CNY);
  }

  private static TransferId id() {
    return new TransferId(UUID.randomUUID());
  }
}
