package com.credence.repayment.rest;

import com.credence.repayment.CashFlowView;
import com.credence.repayment.CollectionEntryView;
import com.credence.repayment.HoldingSchedule;
import com.credence.repayment.InstallmentView;
import com.credence.repayment.LoanView;
import com.credence.repayment.RepaymentReceipt;
import com.credence.repayment.RepaymentService;
import com.credence.repayment.domain.Reschedule;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Loans, schedules, repayments and cash flows (API.md "Borrowing" and "Investing"). */
@RestController
class RepaymentRestController {

  private final RepaymentService repayment;

  RepaymentRestController(RepaymentService repayment) {
    this.repayment = repayment;
  }

  record LoanResponse(
      String loanId,
      String listingId,
      String principal,
      String annualRate,
      int termMonths,
      String repaymentMethod,
      String valueDate,
      String status,
      String outstandingPrincipal,
      String dueNow,
      String payoff,
      @Nullable String nextDueDate,
      int daysOverdue,
      String bucket,
      String monthlyFee) {}

  record InstallmentResponse(
      int number,
      String dueDate,
      String principal,
      String interest,
      String fee,
      String penalty,
      String total,
      String paid,
      String status) {}

  record ScheduleResponse(String loanId, List<InstallmentResponse> installments) {}

  record Page<T>(List<T> items, int page, int size, long total) {}

  /**
   * @param earlyRepayment for an amount beyond what is due and below the payoff: {@code
   *     REDUCE_INSTALLMENT} (default) or {@code SHORTEN_TERM}
   */
  record RepaymentRequest(@Nullable String amount, @Nullable String earlyRepayment) {}

  record RepaymentResponse(
      String repaymentId, String kind, String loanStatus, Map<String, String> allocated) {}

  record CashFlowResponse(
      String dueDate,
      @Nullable String paidOn,
      String loanId,
      String holdingId,
      int installment,
      String principal,
      String interest,
      String penalty,
      String status) {}

  /** A holding and its part of every installment (API: {@code /me/holdings/{id}/cash-flows}). */
  record HoldingScheduleResponse(
      String holdingId,
      String loanId,
      String listingId,
      String principal,
      String loanStatus,
      String received,
      String expected,
      List<CashFlowResponse> items) {}

  @GetMapping("/api/v1/me/holdings/{holdingId}/cash-flows")
  HoldingScheduleResponse holdingCashFlows(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID holdingId) {
    HoldingSchedule h = repayment.holdingSchedule(user.userId(), holdingId);
    return new HoldingScheduleResponse(
        h.holdingId().toString(),
        h.loan().loanId().toString(),
        h.loan().listingId().toString(),
        h.principal().toApiString(),
        h.loan().status(),
        h.received().toApiString(),
        h.expected().toApiString(),
        h.parts().stream().map(RepaymentRestController::response).toList());
  }

  @GetMapping("/api/v1/loans/{loanId}")
  LoanResponse loan(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID loanId) {
    return response(repayment.loan(user.userId(), user.roles(), loanId));
  }

  @GetMapping("/api/v1/loans/{loanId}/schedule")
  ScheduleResponse schedule(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID loanId) {
    List<InstallmentResponse> items =
        repayment.schedule(user.userId(), user.roles(), loanId).stream()
            .map(RepaymentRestController::response)
            .toList();
    return new ScheduleResponse(loanId.toString(), items);
  }

  @PostMapping(path = "/api/v1/loans/{loanId}/repayments", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  RepaymentResponse repay(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID loanId,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      @RequestBody RepaymentRequest request) {
    RepaymentReceipt r =
        repayment.repay(
            user.userId(), loanId, request.amount(), mode(request.earlyRepayment()), key);
    Map<String, String> allocated = new LinkedHashMap<>();
    allocated.put("penalty", r.penalty().toApiString());
    allocated.put("fee", r.fee().toApiString());
    allocated.put("interest", r.interest().toApiString());
    allocated.put("principal", r.principal().toApiString());
    allocated.put("earlyRepaymentFee", r.earlyRepaymentFee().toApiString());
    return new RepaymentResponse(r.repaymentId().toString(), r.kind(), r.loanStatus(), allocated);
  }

  @GetMapping("/api/v1/me/loans")
  Page<LoanResponse> myLoans(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    int pageSize = Math.max(1, Math.min(size, 100));
    int pageNumber = Math.max(0, page);
    List<LoanResponse> items =
        repayment.loansOf(user.userId(), pageNumber, pageSize).stream()
            .map(RepaymentRestController::response)
            .toList();
    return new Page<>(items, pageNumber, pageSize, repayment.countLoansOf(user.userId()));
  }

  @GetMapping("/api/v1/me/cash-flows")
  Page<CashFlowResponse> cashFlows(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    LocalDate start = date(from, "from");
    LocalDate end = date(to, "to");
    List<CashFlowResponse> items =
        repayment.cashFlows(user.userId(), start, end).stream()
            .map(RepaymentRestController::response)
            .toList();
    return new Page<>(items, 0, items.size(), items.size());
  }

  record CollectionEntryRequest(
      @Nullable String kind,
      @Nullable String note,
      @Nullable String promisedDate,
      @Nullable String promisedAmount) {}

  @GetMapping("/api/v1/admin/loans/overdue")
  List<LoanResponse> overdue() {
    return repayment.overdueLoans(200).stream().map(RepaymentRestController::response).toList();
  }

  record CollectionEntryResponse(
      String entryId,
      String loanId,
      String operatorId,
      String kind,
      String note,
      @Nullable String promisedDate,
      @Nullable String promisedAmount,
      String createdAt) {}

  @GetMapping("/api/v1/admin/loans/{loanId}/collection-log")
  List<CollectionEntryResponse> log(@PathVariable UUID loanId) {
    return repayment.collectionLog(loanId).stream().map(RepaymentRestController::response).toList();
  }

  static CollectionEntryResponse response(CollectionEntryView e) {
    return new CollectionEntryResponse(
        e.entryId().toString(),
        e.loanId().toString(),
        e.operatorId().toString(),
        e.kind(),
        e.note(),
        e.promisedDate() == null ? null : e.promisedDate().toString(),
        e.promisedAmount() == null ? null : e.promisedAmount().toApiString(),
        e.createdAt().toString());
  }

  /** Staff who may write the collections log (auditors only read). */
  static final java.util.Set<String> COLLECTORS =
      java.util.Set.of("OPERATOR", "RISK_OFFICER", "ADMIN");

  @PostMapping(path = "/api/v1/admin/loans/{loanId}/collection-log", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  CollectionEntryResponse addLog(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID loanId,
      @RequestBody CollectionEntryRequest request) {
    if (user.roles().stream().noneMatch(COLLECTORS::contains)) {
      throw new ProblemException(403, "FORBIDDEN", "Operators only", "problem.forbidden");
    }
    return response(
        repayment.addCollectionEntry(
            user.userId(),
            loanId,
            request.kind(),
            request.note(),
            request.promisedDate(),
            request.promisedAmount()));
  }

  static Reschedule.@Nullable Mode mode(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Reschedule.Mode.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          400,
          "VALIDATION_FAILED",
          "earlyRepayment must be REDUCE_INSTALLMENT or SHORTEN_TERM",
          "problem.repayment.early-mode");
    }
  }

  private static LocalDate date(@Nullable String text, String name) {
    try {
      return LocalDate.parse(text == null ? "" : text);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          400,
          "VALIDATION_FAILED",
          name + " must be an ISO date, e.g. 2026-12-01",
          "problem.repayment.date");
    }
  }

  static LoanResponse response(LoanView l) {
    return new LoanResponse(
        l.loanId().toString(),
        l.listingId().toString(),
        l.principal().toApiString(),
        l.annualRate().toApiString(),
        l.termMonths(),
        l.repaymentMethod().name(),
        l.valueDate().toString(),
        l.status(),
        l.outstandingPrincipal().toApiString(),
        l.dueNow().toApiString(),
        l.payoff().toApiString(),
        l.nextDueDate() == null ? null : l.nextDueDate().toString(),
        l.daysOverdue(),
        l.bucket(),
        l.monthlyFee().toApiString());
  }

  static InstallmentResponse response(InstallmentView i) {
    return new InstallmentResponse(
        i.number(),
        i.dueDate().toString(),
        i.principal().toApiString(),
        i.interest().toApiString(),
        i.fee().toApiString(),
        i.penalty().toApiString(),
        i.total().toApiString(),
        i.paid().toApiString(),
        i.status());
  }

  static CashFlowResponse response(CashFlowView c) {
    return new CashFlowResponse(
        c.dueDate().toString(),
        c.paidOn() == null ? null : c.paidOn().toString(),
        c.loanId().toString(),
        c.holdingId().toString(),
        c.installment(),
        c.principal().toApiString(),
        c.interest().toApiString(),
        c.penalty().toApiString(),
        c.status());
  }
}
