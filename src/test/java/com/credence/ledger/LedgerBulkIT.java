package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.shared.Currency;
import com.credence.shared.Money;
import com.credence.support.IntegrationTestBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulk path ({@link LedgerService#createTransfersInBulk}): exact balances, all or nothing, new
 * ids only, and correct under concurrency with itself and with ordinary transfers on the same
 * accounts, for transfers and split transfers alike.
 */
class LedgerBulkIT extends IntegrationTestBase {

  @Autowired LedgerService ledger;

  @Autowired LedgerChecker checker;

  @Autowired JdbcTemplate jdbc;

  @Autowired Clock clock;

  @Test
  void bulkTransfersMoveExactlyWhatTheySayAndTheLedgerBalances() {
    AccountId escrow = fundedEscrow(10_000);
    List<AccountId> investors = open(AccountKind.INVESTOR_FUNDS, 5);
    List<CreateTransfer> payouts = new ArrayList<>();
    Random random = new Random(7);
    long[] expected = new long[investors.size()];
    long total = 0;
    for (int i = 0; i < 40; i++) {
      int h = random.nextInt(investors.size());
      long amount = 1 + random.nextInt(200);
      expected[h] += amount;
      total += amount;
      // A reference with the characters COPY's text format must escape.
      payouts.add(distribution(escrow, investors.get(h), amount, "part\t" + i + "\\n\nline"));
    }

    ledger.createTransfersInBulk(payouts);

    for (int h = 0; h < investors.size(); h++) {
      assertThat(ledger.balance(investors.get(h)).totalMinor()).isEqualTo(expected[h]);
    }
    assertThat(ledger.balance(escrow).totalMinor()).isEqualTo(10_000 - total);
    Transfer stored = ledger.transfer(payouts.get(3).id()).orElseThrow();
    assertThat(stored.reference()).isEqualTo(payouts.get(3).reference());
    assertThat(stored.amountMinor()).isEqualTo(payouts.get(3).amountMinor());
    assertThat(stored.type()).isEqualTo(TransferType.SINGLE_PHASE);
    assertThat(checker.check().balanced()).isTrue();
  }

  @Test
  void aRefusalWritesNothing() {
    AccountId escrow = fundedEscrow(1_000);
    AccountId investor = open(AccountKind.INVESTOR_FUNDS, 1).get(0);
    List<CreateTransfer> tooMuch =
        List.of(
            distribution(escrow, investor, 600, "first"),
            distribution(escrow, investor, 600, "second"));

    assertThatThrownBy(() -> ledger.createTransfersInBulk(tooMuch))
        .isInstanceOf(LedgerException.class)
        .extracting(e -> ((LedgerException) e).error())
        .isEqualTo(LedgerError.INSUFFICIENT_FUNDS);
    AccountId nobody = new AccountId(UUID.randomUUID());
    assertThatThrownBy(
            () ->
                ledger.createTransfersInBulk(
                    List.of(
                        distribution(escrow, investor, 10, "fine"),
                        distribution(escrow, nobody, 10, "unknown account"))))
        .isInstanceOf(LedgerException.class)
        .extracting(e -> ((LedgerException) e).error())
        .isEqualTo(LedgerError.ACCOUNT_NOT_FOUND);

    assertThat(ledger.balance(escrow).totalMinor()).isEqualTo(1_000);
    assertThat(ledger.balance(investor).totalMinor()).isZero();
    assertThat(ledger.transfer(tooMuch.get(0).id())).isEmpty();
  }

  @Test
  void anIdThatExistsFailsTheWholeCall() {
    AccountId escrow = fundedEscrow(1_000);
    AccountId investor = open(AccountKind.INVESTOR_FUNDS, 1).get(0);
    CreateTransfer paid = distribution(escrow, investor, 100, "paid once");
    ledger.createTransfersInBulk(List.of(paid));

    CreateTransfer other = distribution(escrow, investor, 50, "new");
    assertThatThrownBy(() -> ledger.createTransfersInBulk(List.of(other, paid)))
        .isInstanceOf(DataAccessException.class);

    assertThat(ledger.balance(investor).totalMinor()).isEqualTo(100);
    assertThat(ledger.balance(escrow).totalMinor()).isEqualTo(900);
    assertThat(ledger.transfer(other.id())).isEmpty();
  }

  @Test
  void onlySinglePhaseTransfersGoInBulk() {
    AccountId escrow = fundedEscrow(1_000);
    AccountId investor = open(AccountKind.INVESTOR_FUNDS, 1).get(0);
    CreateTransfer pending =
        CreateTransfer.pending(
            id(),
            escrow,
            investor,
            Money.yuan(1),
            TransferCode.REFUND,
            "pending",
            java.time.Duration.ofHours(1));

    assertThatThrownBy(() -> ledger.createTransfersInBulk(List.of(pending)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ledger.balance(escrow).totalMinor()).isEqualTo(1_000);
  }

  @Test
  void theDatabaseRefusesATransferNamingAnAccountThatDoesNotExist() {
    AccountId escrow = fundedEscrow(1_000);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    """
                    INSERT INTO ledger.transfer (id, type, debit_account_id, credit_account_id,
                      amount_minor, currency, code, reference, business_date, created_at)
                    VALUES (?, 'SINGLE_PHASE', ?, ?, 1, 'CNY', 'DISTRIBUTION', 'x', current_date, now())
                    """,
                    UUID.randomUUID(),
                    escrow.value(),
                    UUID.randomUUID()))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("does not exist");
    assertThat(ledger.balance(escrow).totalMinor()).isEqualTo(1_000);
  }

  /**
   * Bulk payouts (transfers and split transfers, in turns) from separate escrows to shared
   * investors race withdrawals from those investors through the ordinary path: every call finishes
   * (no deadlock), each investor ends with exactly what it was paid less what it withdrew, and the
   * ledger balances.
   */
  @Test
  void bulkPayoutsAndOrdinaryTransfersOnSharedAccountsStayExact() throws Exception {
    int threads = 6;
    int rounds = 15;
    List<AccountId> investors = open(AccountKind.INVESTOR_FUNDS, 8);
    // The bank's settlement account takes withdrawals only up to what it paid in.
    AccountId bank = paidInBank(10_000_000);
    List<AccountId> escrows = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      escrows.add(fundedEscrow(1_000_000));
    }
    AtomicLongArray received = new AtomicLongArray(investors.size());
    AtomicLongArray withdrawn = new AtomicLongArray(investors.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      AccountId escrow = escrows.get(t);
      long seed = 100 + t;
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(seed);
                for (int r = 0; r < rounds; r++) {
                  List<CreateTransfer> batch = new ArrayList<>();
                  long[] paid = new long[investors.size()];
                  for (int k = 0; k < 30; k++) {
                    int h = random.nextInt(investors.size());
                    long amount = 1 + random.nextInt(500);
                    paid[h] += amount;
                    batch.add(distribution(escrow, investors.get(h), amount, "round " + r));
                  }
                  if (r % 2 == 0) {
                    ledger.createTransfersInBulk(batch);
                  } else {
                    // The same payouts as one split transfer, a leg per investor paid.
                    List<CreateSplitTransfer.Leg> legs = new ArrayList<>();
                    for (int h = 0; h < paid.length; h++) {
                      if (paid[h] > 0) {
                        legs.add(new CreateSplitTransfer.Leg(investors.get(h), paid[h]));
                      }
                    }
                    ledger.createTransfersInBulk(
                        List.of(),
                        List.of(
                            new CreateSplitTransfer(
                                id(),
                                escrow,
                                legs,
                                Currency.CNY,
                                TransferCode.DISTRIBUTION,
                                "round " + r,
                                null)));
                  }
                  for (int h = 0; h < paid.length; h++) {
                    received.addAndGet(h, paid[h]);
                  }
                }
                return null;
              }));
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(seed + 1_000);
                for (int r = 0; r < rounds * 3; r++) {
                  int h = random.nextInt(investors.size());
                  long amount = 1 + random.nextInt(300);
                  try {
                    ledger.createTransfer(
                        CreateTransfer.single(
                            id(),
                            investors.get(h),
                            bank,
                            amount,
                            Currency.CNY,
                            TransferCode.WITHDRAWAL,
                            "withdrawal"));
                    withdrawn.addAndGet(h, amount);
                  } catch (LedgerException e) {
                    // Not yet paid enough: refused, nothing moved.
                    assertThat(e.error()).isEqualTo(LedgerError.INSUFFICIENT_FUNDS);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    for (int h = 0; h < investors.size(); h++) {
      Balance balance = ledger.balance(investors.get(h));
      assertThat(balance.totalMinor()).isEqualTo(received.get(h) - withdrawn.get(h));
      assertThat(balance.availableMinor()).isNotNegative();
    }
    assertThat(checker.check().balanced()).isTrue();
  }

  /** A bank settlement account that has paid {@code amountMinor} in. */
  private AccountId paidInBank(long amountMinor) {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    AccountId borrower =
        ledger.openAccount(AccountKind.BORROWER_FUNDS, UUID.randomUUID(), Currency.CNY);
    ledger.createTransfer(
        CreateTransfer.single(
            id(), bank, borrower, amountMinor, Currency.CNY, TransferCode.DEPOSIT, "deposit"));
    return bank;
  }

  private AccountId fundedEscrow(long amountMinor) {
    return LedgerTestAccounts.fundedEscrow(ledger, clock, UUID.randomUUID(), amountMinor);
  }

  private List<AccountId> open(AccountKind kind, int count) {
    List<AccountId> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(ledger.openAccount(kind, UUID.randomUUID(), Currency.CNY));
    }
    return accounts;
  }

  private CreateTransfer distribution(
      AccountId escrow, AccountId investor, long amountMinor, String reference) {
    return CreateTransfer.single(
        id(), escrow, investor, amountMinor, Currency.CNY, TransferCode.DISTRIBUTION, reference);
  }

  private TransferId id() {
    return TransferId.newId(clock);
  }
}
