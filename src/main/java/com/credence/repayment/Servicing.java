package com.credence.repayment;

import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.CreateSplitTransfer;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.repayment.domain.Allocation;
import com.credence.repayment.persistence.RepaymentStore;
import com.credence.repayment.persistence.RepaymentStore.HolderPartRow;
import com.credence.repayment.persistence.RepaymentStore.HoldingRow;
import com.credence.repayment.persistence.RepaymentStore.InstallmentRow;
import com.credence.repayment.persistence.RepaymentStore.LoanRow;
import com.credence.repayment.persistence.RepaymentStore.PartPaid;
import com.credence.repayment.persistence.RepaymentStore.Payment;
import com.credence.shared.Currency;
import com.credence.shared.Invariants;
import com.credence.shared.LargestRemainder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns money collected on a loan into ledger transfers and schedule updates, for the end-of-day
 * run and for a borrower's own repayment alike. One collection is one transfer from the borrower
 * into the loan's escrow; in the same transaction the fee part goes on to the platform's fee
 * account, and every installment the money completes is distributed at once: each holding its
 * precomputed part (principal and interest after the service fee) plus its largest-remainder part
 * of the penalty, and the service fee to the platform. Money of an installment paid only in part
 * waits in the loan's own escrow until the installment is complete.
 *
 * <p>Transfer ids are derived from what they pay (loan, installment), so a retried or repeated run
 * can never pay the same installment twice: the ledger refuses the existing id. An installment's
 * distribution is one split transfer (ADR 0024), one leg per investor.
 */
@Component
class Servicing {

  private final RepaymentStore store;
  private final LedgerService ledger;
  private final RepaymentProperties properties;
  private volatile AccountId feeAccount;

  Servicing(RepaymentStore store, LedgerService ledger, RepaymentProperties properties) {
    this.store = store;
    this.ledger = ledger;
    this.properties = properties;
  }

  /**
   * What collecting an amount on one loan does.
   *
   * @param followUps the fee transfers out of the escrow
   * @param distributions one split transfer per installment completed, escrow to its holders
   */
  record Plan(
      LoanRow loan,
      CreateTransfer collection,
      List<CreateTransfer> followUps,
      List<CreateSplitTransfer> distributions,
      List<Payment> payments,
      List<PartPaid> partsPaid,
      Allocation.Result allocation,
      int lastSettledNumber) {}

  /** A deterministic transfer id: the same payment always gets the same id. */
  static TransferId transferId(String... parts) {
    String name = "credence-repayment:" + String.join(":", parts);
    return new TransferId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }

  AccountId feeAccount() {
    AccountId account = feeAccount;
    if (account == null) {
      account = ledger.platformAccount(AccountKind.PLATFORM_FEE_INCOME, Currency.CNY);
      feeAccount = account;
    }
    return account;
  }

  static List<Allocation.Due> dues(List<InstallmentRow> open) {
    List<Allocation.Due> dues = new ArrayList<>(open.size());
    for (InstallmentRow i : open) {
      dues.add(
          new Allocation.Due(
              i.number(),
              i.penaltyMinor() - i.paidPenaltyMinor(),
              i.feeMinor() - i.paidFeeMinor(),
              i.interestMinor() - i.paidInterestMinor(),
              i.principalMinor() - i.paidPrincipalMinor()));
    }
    return dues;
  }

  static long owed(List<InstallmentRow> open) {
    long total = 0;
    for (InstallmentRow i : open) {
      total += i.totalMinor() - i.paidMinor();
    }
    return total;
  }

  /**
   * Plans the collection of {@code amountMinor} on a loan.
   *
   * @param open the loan's unpaid installments the money may reach, oldest first
   * @param parts the holders' parts of those installments by installment number, in any order
   * @param holdings the loan's holdings in position order (the weights of the penalty split)
   * @param collectionKey what makes the collection transfer's id unique (the run's date, or the
   *     repayment's id)
   */
  Plan plan(
      LoanRow loan,
      List<InstallmentRow> open,
      Map<Integer, List<HolderPartRow>> parts,
      List<HoldingRow> holdings,
      long amountMinor,
      String collectionKey,
      LocalDate date) {
    Allocation.Result allocation =
        Allocation.allocate(dues(open), amountMinor, properties.allocationOrder());
    Invariants.check(allocation.remainderMinor() == 0, "collection beyond what is owed");
    String loanId = loan.loanId().toString();
    AccountId escrow = new AccountId(loan.escrowAccount());
    CreateTransfer collection =
        CreateTransfer.single(
                transferId("collect", loanId, collectionKey),
                new AccountId(loan.borrowerAccount()),
                escrow,
                amountMinor,
                Currency.CNY,
                TransferCode.REPAYMENT,
                "repayment " + loanId)
            .onBusinessDate(date);
    List<CreateTransfer> followUps = new ArrayList<>();
    List<CreateSplitTransfer> distributions = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    List<PartPaid> partsPaid = new ArrayList<>();
    long[] weights = holdings.stream().mapToLong(HoldingRow::principalMinor).toArray();
    int lastSettled = 0;
    for (Allocation.Applied a : allocation.applied()) {
      String n = Integer.toString(a.number());
      if (a.feeMinor() > 0) {
        followUps.add(
            fee(transferId("fee", loanId, n, collectionKey), escrow, a.feeMinor(), loanId, date));
      }
      payments.add(
          new Payment(
              loan.loanId(),
              a.number(),
              a.penaltyMinor(),
              a.feeMinor(),
              a.interestMinor(),
              a.principalMinor(),
              a.settles()));
      if (a.settles()) {
        InstallmentRow installment = find(open, a.number());
        distribute(
            loan,
            installment,
            parts.get(a.number()),
            holdings,
            weights,
            date,
            followUps,
            distributions,
            partsPaid);
        lastSettled = a.number();
      }
    }
    return new Plan(
        loan, collection, followUps, distributions, payments, partsPaid, allocation, lastSettled);
  }

  private void distribute(
      LoanRow loan,
      InstallmentRow installment,
      List<HolderPartRow> parts,
      List<HoldingRow> holdings,
      long[] weights,
      LocalDate date,
      List<CreateTransfer> out,
      List<CreateSplitTransfer> distributions,
      List<PartPaid> partsPaid) {
    String loanId = loan.loanId().toString();
    String n = Integer.toString(installment.number());
    Invariants.check(
        parts != null && parts.size() == weights.length,
        "loan %s installment %s has no holder parts for every holding",
        loanId,
        n);
    Map<UUID, HolderPartRow> partOf = new HashMap<>();
    parts.forEach(p -> partOf.put(p.holdingId(), p));
    long[] penalty = LargestRemainder.split(installment.penaltyMinor(), weights);
    AccountId escrow = new AccountId(loan.escrowAccount());
    // One leg per investor: two holdings of one investor in a loan are paid together.
    Map<AccountId, Long> received = new LinkedHashMap<>();
    long distributed = 0;
    for (int h = 0; h < holdings.size(); h++) {
      HoldingRow holding = holdings.get(h);
      HolderPartRow part = partOf.get(holding.holdingId());
      Invariants.check(part != null, "holding %s has no part", holding.holdingId());
      long amount = part.principalMinor() + part.interestMinor() + penalty[h];
      distributed += amount;
      partsPaid.add(
          new PartPaid(loan.loanId(), installment.number(), part.holdingId(), penalty[h]));
      if (amount > 0) {
        received.merge(new AccountId(holding.investorAccount()), amount, Long::sum);
      }
    }
    if (!received.isEmpty()) {
      List<CreateSplitTransfer.Leg> legs = new ArrayList<>(received.size());
      received.forEach((account, amount) -> legs.add(new CreateSplitTransfer.Leg(account, amount)));
      distributions.add(
          new CreateSplitTransfer(
              transferId("distribute", loanId, n),
              escrow,
              legs,
              Currency.CNY,
              TransferCode.DISTRIBUTION,
              "distribution " + loanId + " #" + n,
              date));
    }
    // Invariant: holders and the service fee receive the installment's principal, interest and
    // penalty exactly.
    Invariants.check(
        distributed + installment.serviceFeeMinor()
            == installment.principalMinor()
                + installment.interestMinor()
                + installment.penaltyMinor(),
        "loan %s installment %s: distribution does not add up",
        loanId,
        n);
    if (installment.serviceFeeMinor() > 0) {
      out.add(
          fee(
              transferId("service-fee", loanId, n),
              escrow,
              installment.serviceFeeMinor(),
              loanId,
              date));
    }
  }

  private CreateTransfer fee(
      TransferId id, AccountId escrow, long amount, String loanId, LocalDate date) {
    return CreateTransfer.single(
            id, escrow, feeAccount(), amount, Currency.CNY, TransferCode.FEE, "fee " + loanId)
        .onBusinessDate(date);
  }

  private static InstallmentRow find(List<InstallmentRow> open, int number) {
    for (InstallmentRow i : open) {
      if (i.number() == number) {
        return i;
      }
    }
    throw new IllegalStateException("installment " + number + " not among the open ones");
  }

  /** Writes the schedule side of executed plans (the ledger side is the caller's). */
  void record(List<Plan> plans, LocalDate date) {
    List<Payment> payments = new ArrayList<>();
    List<PartPaid> parts = new ArrayList<>();
    for (Plan p : plans) {
      payments.addAll(p.payments());
      parts.addAll(p.partsPaid());
    }
    store.applyPayments(payments, date);
    store.markPartsPaid(parts);
  }
}
