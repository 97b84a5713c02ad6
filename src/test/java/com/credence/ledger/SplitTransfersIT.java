package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.ledger.CreateSplitTransfer.Leg;
import com.credence.shared.Currency;
import com.credence.support.IntegrationTestBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Split transfers (ADR 0024) in PostgreSQL: written with their legs, read back by balances,
 * statements, the ledger check and the custody feed, and refused by the database itself when legs
 * do not make up their transfer.
 */
class SplitTransfersIT extends IntegrationTestBase {

  @Autowired LedgerService ledger;

  @Autowired LedgerChecker checker;

  @Autowired CustodyFeed feed;

  @Autowired JdbcTemplate jdbc;

  @Autowired Clock clock;

  @Autowired PlatformTransactionManager transactions;

  @Test
  void aSplitTransferCreditsEveryLegAndEveryReaderSeesTheLegs() {
    UUID escrowOwner = UUID.randomUUID();
    AccountId escrow = fundedEscrow(escrowOwner, 10_000);
    List<UUID> owners = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    List<AccountId> investors = new ArrayList<>();
    owners.forEach(
        o -> investors.add(ledger.openAccount(AccountKind.INVESTOR_FUNDS, o, Currency.CNY)));
    LedgerCheckReport before = checker.check();
    CreateSplitTransfer split =
        split(
            escrow,
            List.of(
                new Leg(investors.get(0), 100),
                new Leg(investors.get(1), 250),
                new Leg(investors.get(2), 1)));

    ledger.createTransfersInBulk(List.of(), List.of(split));

    assertThat(ledger.balance(investors.get(0)).totalMinor()).isEqualTo(100);
    assertThat(ledger.balance(investors.get(1)).totalMinor()).isEqualTo(250);
    assertThat(ledger.balance(investors.get(2)).totalMinor()).isEqualTo(1);
    assertThat(ledger.balance(escrow).totalMinor()).isEqualTo(10_000 - 351);
    Transfer stored = ledger.transfer(split.id()).orElseThrow();
    assertThat(stored.creditAccountId()).isNull();
    assertThat(stored.amountMinor()).isEqualTo(351);
    assertThat(stored.code()).isEqualTo(TransferCode.DISTRIBUTION);

    StatementLine credit = ledger.statement(owners.get(1), null, null, 0, 10).items().get(0);
    assertThat(credit.transferId()).isEqualTo(split.id());
    assertThat(credit.direction()).isEqualTo(StatementLine.Direction.CREDIT);
    assertThat(credit.amountMinor()).isEqualTo(250);
    assertThat(credit.balanceAfterMinor()).isEqualTo(250);
    assertThat(credit.reference()).isEqualTo(split.reference());
    assertThat(ledger.statement(owners.get(1), null, null, 0, 10).total()).isEqualTo(1);
    StatementLine debit = ledger.statement(escrowOwner, null, null, 0, 10).items().get(0);
    assertThat(debit.transferId()).isEqualTo(split.id());
    assertThat(debit.direction()).isEqualTo(StatementLine.Direction.DEBIT);
    assertThat(debit.amountMinor()).isEqualTo(351);

    LedgerCheckReport after = checker.check();
    assertThat(after.balanced()).as("%s", after.violations()).isTrue();
    assertThat(after.transfers() - before.transfers()).isEqualTo(1);
    assertThat(after.legs() - before.legs()).isEqualTo(3);

    // The custody feed: one movement per leg, each with a reference of its own, in account order.
    long[] position =
        jdbc.queryForObject(
            "SELECT xact::text::bigint, seq FROM ledger.transfer WHERE id = ?",
            (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
            split.id().value());
    CustodyFeed.Page page =
        feed.after(new CustodyFeed.Position(position[0], position[1] - 1), 1_000);
    List<CustodyFeed.Movement> legs =
        page.movements().stream().filter(m -> m.transferId().equals(split.id())).toList();
    assertThat(legs).hasSize(3);
    assertThat(legs).extracting(CustodyFeed.Movement::leg).containsExactly(1, 2, 3);
    assertThat(legs).extracting(m -> m.to().accountId()).isSortedAccordingTo(BY_UUID);
    assertThat(legs)
        .extracting(CustodyFeed.Movement::reference)
        .doesNotHaveDuplicates()
        .allMatch(r -> r.startsWith(split.id() + "/"));
    assertThat(legs).allMatch(m -> m.from().accountId().equals(escrow));
    assertThat(legs.stream().mapToLong(CustodyFeed.Movement::amountMinor).sum()).isEqualTo(351);
    // A page too small for the split still holds it whole, and ends after it.
    CustodyFeed.Page small = feed.after(new CustodyFeed.Position(position[0], position[1] - 1), 2);
    assertThat(small.movements()).hasSize(3);
    assertThat(small.next()).isEqualTo(new CustodyFeed.Position(position[0], position[1]));
    Map<AccountId, Long> net =
        feed.netAfter(new CustodyFeed.Position(position[0], position[1] - 1));
    assertThat(net.get(investors.get(1))).isEqualTo(250);
    assertThat(net.get(escrow)).isEqualTo(-351);
  }

  @Test
  void aRefusedSplitWritesNothing() {
    AccountId escrow = fundedEscrow(UUID.randomUUID(), 500);
    AccountId a = ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    AccountId b = ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    CreateSplitTransfer tooMuch = split(escrow, List.of(new Leg(a, 300), new Leg(b, 201)));

    assertThatThrownBy(() -> ledger.createTransfersInBulk(List.of(), List.of(tooMuch)))
        .isInstanceOf(LedgerException.class)
        .extracting(e -> ((LedgerException) e).error())
        .isEqualTo(LedgerError.INSUFFICIENT_FUNDS);

    assertThat(ledger.transfer(tooMuch.id())).isEmpty();
    assertThat(ledger.balance(a).totalMinor()).isZero();
    assertThat(ledger.balance(escrow).totalMinor()).isEqualTo(500);
    CreateSplitTransfer paid = split(escrow, List.of(new Leg(a, 100)));
    ledger.createTransfersInBulk(List.of(), List.of(paid));
    assertThatThrownBy(() -> ledger.createTransfersInBulk(List.of(), List.of(paid)))
        .as("the same split again")
        .isInstanceOf(DataAccessException.class);
    assertThat(ledger.balance(a).totalMinor()).isEqualTo(100);
  }

  /** Legs written by hand that do not make up their transfer are refused by PostgreSQL. */
  @Test
  void theDatabaseRefusesLegsThatDoNotMakeUpTheirTransfer() {
    AccountId escrow = fundedEscrow(UUID.randomUUID(), 1_000);
    AccountId a = ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    AccountId b = ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY);
    UUID nobody = UUID.randomUUID();

    assertRefused(escrow, 300, List.<Object[]>of(leg(a, 100), leg(b, 150)), "do not make up");
    assertRefused(escrow, 300, List.<Object[]>of(leg(a, 100)), "do not make up");
    assertRefused(escrow, 300, List.<Object[]>of(leg(a, 100), leg(a, 200)), "do not make up");
    assertRefused(escrow, 300, List.<Object[]>of(leg(a, 100), leg(escrow, 200)), "do not make up");
    assertRefused(
        escrow, 300, List.<Object[]>of(leg(a, 100), new Object[] {nobody, 200L}), "not exist");
    // More legs for a split written (whole) by an earlier transaction, as many and as much.
    CreateSplitTransfer paid = split(escrow, List.of(new Leg(a, 100)));
    ledger.createTransfersInBulk(List.of(), List.of(paid));
    assertThatThrownBy(() -> insertLegs(paid.id().value(), List.<Object[]>of(leg(b, 100))))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("do not make up");
    assertThat(ledger.balance(b).totalMinor()).isZero();
    assertThat(checker.check().balanced()).isTrue();
  }

  @Test
  void theCheckFindsASplitTransferWithoutItsLegs() {
    AccountId escrow = fundedEscrow(UUID.randomUUID(), 1_000);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    LedgerCheckReport report =
        tx.execute(
            status -> {
              status.setRollbackOnly();
              jdbc.update(
                  """
                  INSERT INTO ledger.transfer (id, type, debit_account_id, credit_account_id,
                    amount_minor, currency, code, reference, business_date, created_at, legs)
                  VALUES (?, 'SINGLE_PHASE', ?, NULL, 300, 'CNY', 'DISTRIBUTION', 'no legs',
                          current_date, now(), 2)
                  """,
                  UUID.randomUUID(),
                  escrow.value());
              return checker.check();
            });

    assertThat(report.balanced()).isFalse();
    assertThat(report.violations()).anyMatch(v -> v.contains("split transfer"));
    assertThat(checker.check().balanced()).isTrue();
  }

  private void assertRefused(
      AccountId escrow, long amountMinor, List<Object[]> legs, String message) {
    UUID id = UUID.randomUUID();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      insertSplitHead(id, escrow, amountMinor, legs.size());
                      insertLegs(id, legs);
                    }))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining(message);
    assertThat(ledger.transfer(new TransferId(id))).isEmpty();
  }

  private void insertSplitHead(UUID id, AccountId escrow, long amountMinor, int legs) {
    jdbc.update(
        """
        INSERT INTO ledger.transfer (id, type, debit_account_id, credit_account_id, amount_minor,
          currency, code, reference, business_date, created_at, legs)
        VALUES (?, 'SINGLE_PHASE', ?, NULL, ?, 'CNY', 'DISTRIBUTION', 'by hand', current_date,
                now(), ?)
        """,
        id,
        escrow.value(),
        amountMinor,
        legs);
  }

  private void insertLegs(UUID transferId, List<Object[]> legs) {
    List<String> values = new ArrayList<>();
    List<Object> args = new ArrayList<>(List.of(transferId, transferId));
    for (Object[] leg : legs) {
      values.add("(?::uuid, ?::bigint)");
      args.add(leg[0]);
      args.add(leg[1]);
    }
    jdbc.update(
        "INSERT INTO ledger.transfer_leg (transfer_id, transfer_seq, credit_account_id,"
            + " amount_minor) SELECT ?, (SELECT seq FROM ledger.transfer WHERE id = ?), v.a, v.m"
            + " FROM (VALUES "
            + String.join(", ", values)
            + ") AS v(a, m)",
        args.toArray());
  }

  private static Object[] leg(AccountId account, long amountMinor) {
    return new Object[] {account.value(), amountMinor};
  }

  private static final Comparator<AccountId> BY_UUID = Comparator.comparing(AccountId::value);

  private AccountId fundedEscrow(UUID owner, long amountMinor) {
    return LedgerTestAccounts.fundedEscrow(ledger, clock, owner, amountMinor);
  }

  private CreateSplitTransfer split(AccountId escrow, List<Leg> legs) {
    return new CreateSplitTransfer(
        id(), escrow, legs, Currency.CNY, TransferCode.DISTRIBUTION, "distribution #1", null);
  }

  private TransferId id() {
    return TransferId.newId(clock);
  }
}
