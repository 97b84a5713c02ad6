package com.credence.repayment;

import com.credence.investment.ListingStatus;
import com.credence.investment.LoanFunded;
import com.credence.investment.LoanOutcomes;
import com.credence.repayment.domain.HolderSplit;
import com.credence.repayment.domain.Installment;
import com.credence.repayment.domain.LoanTerms;
import com.credence.repayment.domain.ScheduleCalculator;
import com.credence.repayment.persistence.RepaymentStore;
import com.credence.repayment.persistence.RepaymentStore.HolderPartRow;
import com.credence.repayment.persistence.RepaymentStore.HoldingRow;
import com.credence.repayment.persistence.RepaymentStore.InstallmentRow;
import com.credence.repayment.persistence.RepaymentStore.LoanRow;
import com.credence.shared.Invariants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Books a disbursed loan ({@link LoanFunded}): the loan, its schedule and every holding's part of
 * every installment. Idempotent: a redelivered event finds the loan and does nothing.
 */
@Component
class LoanBooking {

  private static final Logger log = LoggerFactory.getLogger(LoanBooking.class);

  private final RepaymentStore store;
  private final LoanOutcomes outcomes;
  private final Clock clock;

  LoanBooking(RepaymentStore store, LoanOutcomes outcomes, Clock clock) {
    this.store = store;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(LoanFunded event) {
    book(event);
  }

  /** Books the loan in the caller's transaction; false when it was booked before. */
  boolean book(LoanFunded e) {
    long holdingsTotal = 0;
    for (LoanFunded.FundedHolding h : e.holdings()) {
      holdingsTotal += h.principal().amountMinor();
    }
    Invariants.check(
        !e.holdings().isEmpty() && holdingsTotal == e.principal().amountMinor(),
        "loan %s: holdings add up to %d, not to the principal %d",
        e.loanId(),
        holdingsTotal,
        e.principal().amountMinor());
    LoanRow loan =
        new LoanRow(
            e.loanId(),
            e.listingId(),
            e.borrowerId(),
            e.principal().amountMinor(),
            e.annualRate().bps(),
            e.termMonths(),
            e.repaymentMethod().name(),
            e.valueDate(),
            e.escrowAccount().value(),
            e.borrowerAccount().value(),
            e.monthlyFee().amountMinor(),
            e.investorServiceFeeBps(),
            "REPAYING",
            0,
            "CURRENT",
            null);
    if (!store.insertLoan(loan, clock.instant())) {
      return false;
    }
    List<Installment> schedule =
        ScheduleCalculator.schedule(
            new LoanTerms(
                e.principal().amountMinor(),
                e.annualRate(),
                e.termMonths(),
                e.repaymentMethod(),
                e.valueDate()));
    List<HoldingRow> holdings = new ArrayList<>();
    for (LoanFunded.FundedHolding h : e.holdings()) {
      holdings.add(
          new HoldingRow(
              h.holdingId(),
              e.loanId(),
              h.investorId(),
              h.investorAccount().value(),
              h.principal().amountMinor()));
    }
    store.insertHoldings(holdings);
    insertSchedule(
        e.loanId(), schedule, 0, e.monthlyFee().amountMinor(), e.investorServiceFeeBps(), holdings);
    outcomes.loanStatusChanged(e.loanId(), ListingStatus.REPAYING);
    log.info(
        "Loan {} booked: {} installments, {} holdings",
        e.loanId(),
        schedule.size(),
        holdings.size());
    return true;
  }

  /**
   * Stores installments (numbered from {@code numberOffset + 1}) and every holding's parts of them.
   */
  void insertSchedule(
      UUID loanId,
      List<Installment> schedule,
      int numberOffset,
      long feeMinor,
      int serviceFeeBps,
      List<HoldingRow> holdings) {
    long[] weights = holdings.stream().mapToLong(HoldingRow::principalMinor).toArray();
    List<InstallmentRow> rows = new ArrayList<>(schedule.size());
    List<HolderPartRow> parts = new ArrayList<>(schedule.size() * holdings.size());
    for (Installment i : schedule) {
      int number = numberOffset + i.number();
      HolderSplit.Parts split =
          HolderSplit.split(i.principalMinor(), i.interestMinor(), serviceFeeBps, weights);
      rows.add(
          new InstallmentRow(
              loanId,
              number,
              i.dueDate(),
              i.principalMinor(),
              i.interestMinor(),
              feeMinor,
              split.serviceFeeMinor(),
              0,
              null,
              0,
              0,
              0,
              0,
              "SCHEDULED",
              null));
      for (int h = 0; h < holdings.size(); h++) {
        parts.add(
            new HolderPartRow(
                loanId,
                number,
                holdings.get(h).holdingId(),
                i.dueDate(),
                split.principalMinor()[h],
                split.interestMinor()[h],
                0,
                null));
      }
    }
    store.insertInstallments(rows);
    store.insertHolderParts(parts);
  }
}
