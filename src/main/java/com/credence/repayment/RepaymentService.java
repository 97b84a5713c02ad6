package com.credence.repayment;

import com.credence.investment.ListingStatus;
import com.credence.investment.LoanOutcomes;
import com.credence.ledger.BatchMode;
import com.credence.ledger.LedgerService;
import com.credence.repayment.domain.Delinquency;
import com.credence.repayment.domain.EarlyRepayment;
import com.credence.repayment.domain.Installment;
import com.credence.repayment.domain.Reschedule;
import com.credence.repayment.persistence.RepaymentStore;
import com.credence.repayment.persistence.RepaymentStore.HolderPartRow;
import com.credence.repayment.persistence.RepaymentStore.HoldingRow;
import com.credence.repayment.persistence.RepaymentStore.InstallmentRow;
import com.credence.repayment.persistence.RepaymentStore.LoanRow;
import com.credence.repayment.persistence.RepaymentStore.RepaymentRow;
import com.credence.shared.AnnualRate;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Ids;
import com.credence.shared.InvalidAmountException;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The repayment module's facade: loans and schedules as their borrowers see them, a borrower's own
 * repayment (due installments, early repayment), investors' cash flows, and the operators' overdue
 * list and collections log.
 */
@Service
public class RepaymentService {

  /** Roles that see every loan (read only). */
  static final Set<String> STAFF = Set.of("RISK_OFFICER", "OPERATOR", "AUDITOR", "ADMIN");

  static final int PAGE_SIZE_MAX = 100;
  static final int CASH_FLOW_DAYS_MAX = 1_100;
  static final int NOTE_LENGTH_MAX = 500;
  private static final int KEY_LENGTH_MAX = 64;

  private final RepaymentStore store;
  private final Servicing servicing;
  private final LoanBooking booking;
  private final LedgerService ledger;
  private final LoanOutcomes outcomes;
  private final RepaymentProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;

  RepaymentService(
      RepaymentStore store,
      Servicing servicing,
      LoanBooking booking,
      LedgerService ledger,
      LoanOutcomes outcomes,
      RepaymentProperties properties,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.servicing = servicing;
    this.booking = booking;
    this.ledger = ledger;
    this.outcomes = outcomes;
    this.properties = properties;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  // ---- reading ----------------------------------------------------------------------------

  /** The loan, for its borrower or staff; NOT_FOUND for anyone else. */
  public LoanView loan(UUID viewerId, Set<String> roles, UUID loanId) {
    LoanRow loan = visible(viewerId, roles, loanId);
    return view(loan, store.installments(loanId));
  }

  public List<InstallmentView> schedule(UUID viewerId, Set<String> roles, UUID loanId) {
    visible(viewerId, roles, loanId);
    return store.installments(loanId).stream().map(RepaymentService::installmentView).toList();
  }

  /** A page of the borrower's loans, newest first. */
  public List<LoanView> loansOf(UUID borrowerId, int page, int size) {
    int limit = Math.max(1, Math.min(size, PAGE_SIZE_MAX));
    return store.loansOfBorrower(borrowerId, Math.max(0, page) * limit, limit).stream()
        .map(l -> view(l, store.installments(l.loanId())))
        .toList();
  }

  public long countLoansOf(UUID borrowerId) {
    return store.countLoansOfBorrower(borrowerId);
  }

  /** The investor's expected and received cash flows with due or paid dates in [from, to]. */
  public List<CashFlowView> cashFlows(UUID investorId, LocalDate from, LocalDate to) {
    if (to.isBefore(from) || from.plusDays(CASH_FLOW_DAYS_MAX).isBefore(to)) {
      throw RepaymentProblems.of(
          400,
          "VALIDATION_FAILED",
          "from must not be after to, at most " + CASH_FLOW_DAYS_MAX + " days apart");
    }
    return store.partsOfInvestor(investorId, from, to).stream()
        .map(RepaymentService::cashFlow)
        .toList();
  }

  /**
   * One of the investor's holdings with its part of every installment, received and expected;
   * NOT_FOUND when the holding is not the investor's.
   */
  public HoldingSchedule holdingSchedule(UUID investorId, UUID holdingId) {
    HoldingRow holding =
        store
            .holding(holdingId)
            .filter(h -> h.investorId().equals(investorId))
            .orElseThrow(RepaymentProblems::holdingNotFound);
    LoanRow loan = store.loan(holding.loanId()).orElseThrow();
    return new HoldingSchedule(
        holdingId,
        view(loan, store.installments(loan.loanId())),
        Money.cny(holding.principalMinor()),
        store.partsOfHoldings(List.of(holdingId)).stream()
            .sorted(java.util.Comparator.comparingInt(HolderPartRow::number))
            .map(RepaymentService::cashFlow)
            .toList());
  }

  private static CashFlowView cashFlow(HolderPartRow p) {
    return new CashFlowView(
        p.dueDate(),
        p.paidOn(),
        p.loanId(),
        p.holdingId(),
        p.number(),
        Money.cny(p.principalMinor()),
        Money.cny(p.interestMinor()),
        Money.cny(p.penaltyMinor()),
        p.paidOn() == null ? "EXPECTED" : "RECEIVED");
  }

  /** Loans with something past due, most overdue first (staff). */
  public List<LoanView> overdueLoans(int limit) {
    return store.overdueLoans(Math.max(1, Math.min(limit, 500))).stream()
        .map(l -> view(l, store.installments(l.loanId())))
        .toList();
  }

  // ---- a borrower's repayment -------------------------------------------------------------

  /**
   * Repays {@code amountText} yuan on the borrower's loan: what is due first (penalty, fee,
   * interest, principal, oldest installment first); anything beyond is an early repayment, full
   * when it equals the payoff, partial (reducing the installments or shortening the term) when
   * less. Same key and body again: the first receipt, nothing moved.
   */
  public RepaymentReceipt repay(
      UUID borrowerId,
      UUID loanId,
      @Nullable String amountText,
      Reschedule.@Nullable Mode mode,
      @Nullable String idempotencyKey) {
    if (idempotencyKey == null
        || idempotencyKey.isBlank()
        || idempotencyKey.length() > KEY_LENGTH_MAX) {
      throw RepaymentProblems.keyInvalid();
    }
    Money amount = parseAmount(amountText);
    Reschedule.Mode chosen = mode == null ? Reschedule.Mode.REDUCE_INSTALLMENT : mode;
    String hash = hash(loanId + "|" + amount.amountMinor() + "|" + chosen);
    RepaymentReceipt earlier = replay(borrowerId, idempotencyKey, hash);
    if (earlier != null) {
      return earlier;
    }
    try {
      return tx.execute(s -> repayLocked(borrowerId, loanId, amount, chosen, idempotencyKey, hash));
    } catch (DuplicateKeyException e) {
      // The same key was used concurrently (on another loan): answer as a replay would.
      RepaymentReceipt first = replay(borrowerId, idempotencyKey, hash);
      if (first != null) {
        return first;
      }
      throw RepaymentProblems.keyReused();
    }
  }

  static Money parseAmount(@Nullable String text) {
    Money amount;
    try {
      amount = Money.parseCny(text);
    } catch (InvalidAmountException e) {
      throw RepaymentProblems.invalidAmount();
    }
    if (amount.isZero()) {
      throw RepaymentProblems.invalidAmount();
    }
    return amount;
  }

  private @Nullable RepaymentReceipt replay(UUID borrowerId, String key, String hash) {
    return store
        .repaymentByKey(borrowerId, key)
        .map(
            r -> {
              if (!r.requestHash().equals(hash)) {
                throw RepaymentProblems.keyReused();
              }
              String status = store.loan(r.loanId()).map(LoanRow::status).orElse("REPAYING");
              return receipt(r, status);
            })
        .orElse(null);
  }

  private RepaymentReceipt repayLocked(
      UUID borrowerId, UUID loanId, Money amount, Reschedule.Mode mode, String key, String hash) {
    LoanRow loan =
        store
            .lockLoan(loanId)
            .filter(l -> l.borrowerId().equals(borrowerId))
            .orElseThrow(RepaymentProblems::loanNotFound);
    RepaymentReceipt earlier = replay(borrowerId, key, hash);
    if (earlier != null) {
      return earlier;
    }
    if ("SETTLED".equals(loan.status())) {
      throw RepaymentProblems.settled();
    }
    LocalDate today = BusinessCalendar.today(clock);
    List<InstallmentRow> all = store.installments(loanId);
    List<InstallmentRow> due = new ArrayList<>();
    List<InstallmentRow> future = new ArrayList<>();
    for (InstallmentRow i : all) {
      if (!"PAID".equals(i.status())) {
        (i.dueDate().isAfter(today) ? future : due).add(i);
      }
    }
    long owedNow = Servicing.owed(due);
    long remainder = amount.amountMinor() - owedNow;
    List<HoldingRow> holdings = store.holdings(List.of(loanId));
    String kind = "DUE";
    long earlyFee = 0;
    if (remainder > 0) {
      EarlyRepayment.Payoff payoff = payoff(loan, all, future, today);
      if (future.isEmpty() || remainder > payoff.totalMinor()) {
        throw RepaymentProblems.exceedsOutstanding(
            Money.cny(owedNow + (future.isEmpty() ? 0 : payoff.totalMinor())).toApiString());
      }
      if (remainder == payoff.totalMinor()) {
        kind = "EARLY_FULL";
        earlyFee = payoff.feeMinor();
        rescheduleFull(loan, future, payoff, today, holdings);
      } else {
        kind = "EARLY_PARTIAL";
        reschedulePartial(loan, future, remainder, payoff, mode, today, holdings);
      }
      due = store.openDue(List.of(loanId), today);
    }
    Map<Integer, List<HolderPartRow>> parts = new HashMap<>();
    for (HolderPartRow p : store.partsOf(due)) {
      parts.computeIfAbsent(p.number(), k -> new ArrayList<>()).add(p);
    }
    UUID repaymentId = Ids.newId(clock);
    Servicing.Plan plan =
        servicing.plan(
            loan, due, parts, holdings, amount.amountMinor(), "repay:" + repaymentId, today);
    ledger.createTransfers(List.of(plan.collection()), BatchMode.ATOMIC);
    ledger.createTransfersInBulk(plan.followUps(), plan.distributions());
    servicing.record(List.of(plan), today);
    String status = afterPayment(loan, plan, today);
    RepaymentRow row =
        new RepaymentRow(
            repaymentId,
            loanId,
            borrowerId,
            key,
            hash,
            amount.amountMinor(),
            plan.allocation().penaltyMinor(),
            plan.allocation().feeMinor(),
            plan.allocation().interestMinor(),
            plan.allocation().principalMinor(),
            earlyFee,
            kind,
            today);
    store.insertRepayment(row, clock.instant());
    return receipt(row, status);
  }

  private String afterPayment(LoanRow loan, Servicing.Plan plan, LocalDate today) {
    UUID loanId = loan.loanId();
    if (store.allPaid(loanId)) {
      store.settle(List.of(loanId), today);
      outcomes.loanStatusChanged(loanId, ListingStatus.SETTLED);
      return "SETTLED";
    }
    boolean stillLate =
        store.installments(loanId).stream()
            .anyMatch(i -> !"PAID".equals(i.status()) && i.dueDate().isBefore(today));
    if (!stillLate && loan.daysOverdue() > 0) {
      store.setDelinquency(loanId, 0, Delinquency.CURRENT.name());
    }
    return loan.status();
  }

  private EarlyRepayment.Payoff payoff(
      LoanRow loan, List<InstallmentRow> all, List<InstallmentRow> future, LocalDate today) {
    long outstanding = 0;
    for (InstallmentRow i : future) {
      outstanding += i.principalMinor() - i.paidPrincipalMinor();
    }
    LocalDate periodStart = loan.valueDate();
    for (InstallmentRow i : all) {
      if (!i.dueDate().isAfter(today) && i.dueDate().isAfter(periodStart)) {
        periodStart = i.dueDate();
      }
    }
    return EarlyRepayment.payoff(
        outstanding,
        AnnualRate.ofBps(loan.annualRateBps()),
        periodStart,
        today,
        properties.earlyRepaymentFeeBps(),
        AnnualRate.ofBps(properties.rateCapBps()),
        properties.dayCount());
  }

  /** Replaces the future installments with one due today: the payoff. */
  private void rescheduleFull(
      LoanRow loan,
      List<InstallmentRow> future,
      EarlyRepayment.Payoff payoff,
      LocalDate today,
      List<HoldingRow> holdings) {
    int first = future.get(0).number();
    store.deleteInstallmentsFrom(loan.loanId(), first);
    Installment last =
        new Installment(
            1, today, payoff.principalMinor(), payoff.principalMinor(), payoff.interestMinor());
    booking.insertSchedule(
        loan.loanId(), List.of(last), first - 1, payoff.feeMinor(), loan.serviceFeeBps(), holdings);
  }

  /**
   * Replaces the future installments with a principal prepayment due today and the remaining
   * schedule on the original due dates.
   */
  private void reschedulePartial(
      LoanRow loan,
      List<InstallmentRow> future,
      long prepaymentMinor,
      EarlyRepayment.Payoff payoff,
      Reschedule.Mode mode,
      LocalDate today,
      List<HoldingRow> holdings) {
    long outstanding = payoff.principalMinor();
    if (prepaymentMinor >= outstanding) {
      throw RepaymentProblems.of(
          422,
          "EARLY_REPAYMENT_INCOMPLETE",
          "To repay all principal, pay the full payoff ("
              + Money.cny(payoff.totalMinor()).toApiString()
              + " beyond what is due), interest to date and fee included");
    }
    int first = future.get(0).number();
    RepaymentMethod method = RepaymentMethod.valueOf(loan.method());
    InstallmentRow next = future.get(0);
    long currentPayment =
        method == RepaymentMethod.EQUAL_PRINCIPAL
            ? next.principalMinor()
            : next.principalMinor() + next.interestMinor();
    List<LocalDate> dates = future.stream().map(InstallmentRow::dueDate).toList();
    List<Installment> rest =
        Reschedule.remaining(
            outstanding - prepaymentMinor,
            AnnualRate.ofBps(loan.annualRateBps()),
            method,
            dates,
            currentPayment,
            mode);
    store.deleteInstallmentsFrom(loan.loanId(), first);
    Installment prepayment = new Installment(1, today, outstanding, prepaymentMinor, 0);
    booking.insertSchedule(
        loan.loanId(), List.of(prepayment), first - 1, 0, loan.serviceFeeBps(), holdings);
    booking.insertSchedule(
        loan.loanId(), rest, first, loan.monthlyFeeMinor(), loan.serviceFeeBps(), holdings);
  }

  // ---- collections log --------------------------------------------------------------------

  public List<CollectionEntryView> collectionLog(UUID loanId) {
    return store.logOf(loanId).stream().map(RepaymentService::entryView).toList();
  }

  /**
   * Adds a contact attempt or a promise to pay to a loan's collections log (staff).
   *
   * @param kind CONTACT_ATTEMPT or PROMISE_TO_PAY (which needs a date and an amount)
   */
  public CollectionEntryView addCollectionEntry(
      UUID operatorId,
      UUID loanId,
      @Nullable String kind,
      @Nullable String note,
      @Nullable String promisedDate,
      @Nullable String promisedAmount) {
    store.loan(loanId).orElseThrow(RepaymentProblems::loanNotFound);
    if (!"CONTACT_ATTEMPT".equals(kind) && !"PROMISE_TO_PAY".equals(kind)) {
      throw RepaymentProblems.of(
          400, "VALIDATION_FAILED", "kind must be CONTACT_ATTEMPT or PROMISE_TO_PAY");
    }
    if (note == null || note.isBlank() || note.length() > NOTE_LENGTH_MAX) {
      throw RepaymentProblems.of(
          400, "VALIDATION_FAILED", "A note of 1 to " + NOTE_LENGTH_MAX + " characters");
    }
    LocalDate date = null;
    Long amountMinor = null;
    if ("PROMISE_TO_PAY".equals(kind)) {
      try {
        date = LocalDate.parse(promisedDate == null ? "" : promisedDate);
      } catch (java.time.format.DateTimeParseException e) {
        throw RepaymentProblems.of(
            400, "VALIDATION_FAILED", "A promise to pay needs a date (e.g. 2026-12-01)");
      }
      amountMinor = parseAmount(promisedAmount).amountMinor();
    }
    RepaymentStore.LogEntry entry =
        new RepaymentStore.LogEntry(
            Ids.newId(clock),
            loanId,
            operatorId,
            kind,
            note.strip(),
            date,
            amountMinor,
            clock.instant());
    store.insertLogEntry(entry);
    return entryView(entry);
  }

  // ---- views ------------------------------------------------------------------------------

  private LoanRow visible(UUID viewerId, Set<String> roles, UUID loanId) {
    return store
        .loan(loanId)
        .filter(l -> l.borrowerId().equals(viewerId) || roles.stream().anyMatch(STAFF::contains))
        .orElseThrow(RepaymentProblems::loanNotFound);
  }

  private LoanView view(LoanRow l, List<InstallmentRow> installments) {
    LocalDate today = BusinessCalendar.today(clock);
    long outstanding = 0;
    List<InstallmentRow> due = new ArrayList<>();
    List<InstallmentRow> future = new ArrayList<>();
    LocalDate next = null;
    for (InstallmentRow i : installments) {
      outstanding += i.principalMinor() - i.paidPrincipalMinor();
      if (!"PAID".equals(i.status())) {
        if (next == null) {
          next = i.dueDate();
        }
        (i.dueDate().isAfter(today) ? future : due).add(i);
      }
    }
    long dueNow = Servicing.owed(due);
    long payoff =
        dueNow + (future.isEmpty() ? 0 : payoff(l, installments, future, today).totalMinor());
    return new LoanView(
        l.loanId(),
        l.listingId(),
        l.borrowerId(),
        Money.cny(l.principalMinor()),
        AnnualRate.ofBps(l.annualRateBps()),
        l.termMonths(),
        RepaymentMethod.valueOf(l.method()),
        l.valueDate(),
        l.status(),
        Money.cny(outstanding),
        Money.cny(dueNow),
        Money.cny(payoff),
        next,
        l.daysOverdue(),
        l.bucket(),
        Money.cny(l.monthlyFeeMinor()));
  }

  static InstallmentView installmentView(InstallmentRow i) {
    return new InstallmentView(
        i.number(),
        i.dueDate(),
        Money.cny(i.principalMinor()),
        Money.cny(i.interestMinor()),
        Money.cny(i.feeMinor()),
        Money.cny(i.penaltyMinor()),
        Money.cny(i.totalMinor()),
        Money.cny(i.paidMinor()),
        i.status(),
        i.paidOn());
  }

  private static RepaymentReceipt receipt(RepaymentRow r, String loanStatus) {
    return new RepaymentReceipt(
        r.repaymentId(),
        r.loanId(),
        Money.cny(r.amountMinor()),
        Money.cny(r.penaltyMinor()),
        Money.cny(r.feeMinor()),
        Money.cny(r.interestMinor()),
        Money.cny(r.principalMinor()),
        Money.cny(r.earlyFeeMinor()),
        r.kind(),
        loanStatus);
  }

  private static CollectionEntryView entryView(RepaymentStore.LogEntry e) {
    return new CollectionEntryView(
        e.entryId(),
        e.loanId(),
        e.operatorId(),
        e.kind(),
        e.note(),
        e.promisedDate(),
        e.promisedMinor() == null ? null : Money.cny(e.promisedMinor()),
        e.createdAt());
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
