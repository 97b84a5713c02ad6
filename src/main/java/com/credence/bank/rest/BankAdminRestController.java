package com.credence.bank.rest;

import com.credence.bank.BankReconciliation;
import com.credence.bank.BankService;
import com.credence.bank.OrderView;
import com.credence.bank.ReconciliationView;
import com.credence.bank.domain.OrderStatus;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators: orders and reconciliation results. */
@RestController
@RequestMapping("/api/v1/admin/bank")
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'AUDITOR')")
class BankAdminRestController {

  private final BankService bank;
  private final BankReconciliation reconciliation;

  BankAdminRestController(BankService bank, BankReconciliation reconciliation) {
    this.bank = bank;
    this.reconciliation = reconciliation;
  }

  record OrderLine(
      String orderId,
      String userId,
      String kind,
      String amount,
      String status,
      @Nullable String failureReason,
      String createdAt) {}

  @GetMapping("/orders")
  List<OrderLine> orders(@RequestParam(required = false) @Nullable OrderStatus status) {
    return bank.recentOrders(status, 100).stream().map(BankAdminRestController::line).toList();
  }

  private static OrderLine line(OrderView o) {
    return new OrderLine(
        o.orderId().toString(),
        o.userId().toString(),
        o.kind().name(),
        o.amount().toApiString(),
        o.status().name(),
        o.failureReason(),
        o.createdAt().toString());
  }

  @GetMapping("/reconciliations")
  List<ReconciliationView> reconciliations() {
    return reconciliation.recent(30);
  }

  @GetMapping("/reconciliations/{date}")
  ReconciliationView reconciliation(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return reconciliation
        .result(date)
        .orElseThrow(() -> ProblemException.notFound("Reconciliation"));
  }

  @PostMapping("/reconciliations/{date}/run")
  @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
  ReconciliationView run(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return reconciliation.reconcile(date);
  }

  record Resolution(@NotBlank @Size(max = 500) String resolution) {}

  @PostMapping("/reconciliations/{date}/resolve")
  @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
  ReconciliationView resolve(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @Valid @RequestBody Resolution resolution) {
    return reconciliation.resolve(date, user.userId(), resolution.resolution());
  }
}
