package com.credence.ledger;

import com.credence.shared.Currency;
import com.credence.shared.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random but reproducible transfer commands over a small set of accounts: mostly sensible money
 * movements, with a steady share of bad ones (zero, negative, overflowing amounts, flows outside
 * the table, unknown accounts, replays and reused ids, double resolutions, expired freezes).
 */
public final class LedgerScenarioGenerator {

  private final Random random;
  private final LedgerModel model;
  private final List<AccountId> investors;
  private final List<AccountId> borrowers;
  private final List<AccountId> escrows;
  private final AccountId bank;
  private final AccountId fees;
  private final boolean withTimeouts;

  public LedgerScenarioGenerator(
      Random random,
      LedgerModel model,
      AccountId bank,
      AccountId fees,
      List<AccountId> investors,
      List<AccountId> borrowers,
      List<AccountId> escrows,
      boolean withTimeouts) {
    this.random = random;
    this.model = model;
    this.bank = bank;
    this.fees = fees;
    this.investors = investors;
    this.borrowers = borrowers;
    this.escrows = escrows;
    this.withTimeouts = withTimeouts;
  }

  public List<CreateTransfer> batch(int size) {
    List<CreateTransfer> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      batch.add(next(batch));
    }
    return batch;
  }

  private CreateTransfer next(List<CreateTransfer> sameBatch) {
    int roll = random.nextInt(100);
    if (roll < 18) {
      return single(
          bank, pick(random.nextBoolean() ? investors : borrowers), amount(), TransferCode.DEPOSIT);
    } else if (roll < 24) {
      return single(
          pick(random.nextBoolean() ? investors : borrowers),
          bank,
          amount(),
          TransferCode.WITHDRAWAL);
    } else if (roll < 40) {
      Duration timeout =
          withTimeouts && random.nextInt(3) == 0
              ? Duration.ofSeconds(1 + random.nextInt(60))
              : null;
      return CreateTransfer.pending(
          id(),
          pick(investors),
          pick(escrows),
          Money.cny(Math.max(1, amount() / 4)),
          TransferCode.INVESTMENT,
          "bid",
          timeout);
    } else if (roll < 52) {
      return resolution();
    } else if (roll < 58) {
      return single(pick(investors), pick(escrows), amount() / 2, TransferCode.INVESTMENT);
    } else if (roll < 64) {
      return single(pick(escrows), pick(borrowers), amount(), TransferCode.DISBURSEMENT);
    } else if (roll < 69) {
      return single(pick(borrowers), pick(escrows), amount(), TransferCode.REPAYMENT);
    } else if (roll < 74) {
      return single(pick(escrows), pick(investors), amount() / 3, TransferCode.DISTRIBUTION);
    } else if (roll < 77) {
      return single(pick(escrows), fees, amount() / 10, TransferCode.FEE);
    } else if (roll < 80) {
      return single(pick(investors), pick(investors), amount() / 2, TransferCode.RESALE);
    } else if (roll < 88) {
      return anyFlow();
    } else if (roll < 90) {
      return single(
          new AccountId(UUID.randomUUID()), pick(investors), amount(), TransferCode.DEPOSIT);
    } else {
      return replay(sameBatch);
    }
  }

  private CreateTransfer resolution() {
    List<TransferId> pendings = model.pendingIds();
    int roll = random.nextInt(10);
    TransferId target =
        pendings.isEmpty() || roll == 0 ? id() : pendings.get(random.nextInt(pendings.size()));
    if (roll == 1 && !model.acceptedCommands().isEmpty()) {
      target = model.acceptedCommands().get(random.nextInt(model.acceptedCommands().size())).id();
    }
    if (random.nextInt(3) == 0) {
      return CreateTransfer.voidPending(id(), target, "void");
    }
    long reserved = Math.max(1, model.pendingAmount(target));
    int kind = random.nextInt(10);
    long amount =
        kind < 4
            ? reserved
            : kind < 7
                ? 1 + random.nextLong(reserved)
                : kind < 9 ? reserved + 1 + random.nextInt(100) : random.nextInt(3) - 1;
    return CreateTransfer.post(id(), target, amount, "post");
  }

  private CreateTransfer anyFlow() {
    List<AccountId> all = new ArrayList<>(investors);
    all.addAll(borrowers);
    all.addAll(escrows);
    all.add(bank);
    all.add(fees);
    TransferCode code = TransferCode.values()[random.nextInt(TransferCode.values().length)];
    return single(pick(all), pick(all), amount(), code);
  }

  private CreateTransfer replay(List<CreateTransfer> sameBatch) {
    List<CreateTransfer> earlier = new ArrayList<>(model.acceptedCommands());
    earlier.addAll(sameBatch);
    if (earlier.isEmpty()) {
      return single(bank, pick(investors), amount(), TransferCode.DEPOSIT);
    }
    CreateTransfer c = earlier.get(random.nextInt(earlier.size()));
    if (random.nextBoolean()) {
      return c;
    }
    return new CreateTransfer(
        c.id(),
        c.type(),
        c.debitAccountId(),
        c.creditAccountId(),
        c.amountMinor(),
        c.currency(),
        c.code(),
        c.pendingId(),
        c.reference() + "-changed",
        c.businessDate(),
        c.timeout());
  }

  private CreateTransfer single(AccountId debit, AccountId credit, long amount, TransferCode code) {
    String reference = random.nextInt(200) == 0 ? " " : "ref-" + random.nextInt(1000);
    return CreateTransfer.single(id(), debit, credit, amount, Currency.CNY, code, reference);
  }

  /** Mostly 1 fen to 1,000 yuan; sometimes zero, negative or above the platform maximum. */
  private long amount() {
    int roll = random.nextInt(50);
    if (roll == 0) {
      return 0;
    } else if (roll == 1) {
      return -1 - random.nextInt(1000);
    } else if (roll == 2) {
      return Money.MAX_MINOR + 1 + random.nextInt(1000);
    }
    return 1 + random.nextInt(100_000);
  }

  private AccountId pick(List<AccountId> ids) {
    return ids.get(random.nextInt(ids.size()));
  }

  private TransferId id() {
    return new TransferId(new UUID(random.nextLong(), random.nextLong()));
  }
}
