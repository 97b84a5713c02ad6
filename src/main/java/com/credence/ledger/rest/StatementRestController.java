package com.credence.ledger.rest;

import com.credence.ledger.Balance;
import com.credence.ledger.LedgerService;
import com.credence.ledger.StatementLine;
import com.credence.ledger.StatementPage;
import com.credence.shared.AuthenticatedUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's ledger statement: lines of all the caller's accounts, newest first. */
@RestController
class StatementRestController {

  private final LedgerService ledger;

  StatementRestController(LedgerService ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/api/v1/me/statement")
  StatementResponse statement(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(LedgerService.STATEMENT_PAGE_SIZE_MAX)
          int size) {
    StatementPage statement = ledger.statement(user.userId(), from, to, page, size);
    return new StatementResponse(
        statement.items().stream().map(StatementRestController::line).toList(),
        statement.page(),
        statement.size(),
        statement.total(),
        statement.balances().stream().map(StatementRestController::balance).toList());
  }

  private static LineResponse line(StatementLine l) {
    return new LineResponse(
        l.transferId().toString(),
        l.accountId().toString(),
        l.accountKind().name(),
        l.type().name(),
        l.code().name(),
        l.direction().name(),
        yuan(l.amountMinor()),
        yuan(l.balanceAfterMinor()),
        yuan(l.frozenAfterMinor()),
        l.reference(),
        l.businessDate().toString(),
        l.createdAt().toString());
  }

  private static BalanceResponse balance(Balance b) {
    return new BalanceResponse(
        b.accountId().toString(),
        b.kind().name(),
        yuan(b.availableMinor()),
        yuan(b.frozenMinor()),
        yuan(b.totalMinor()),
        b.currency().name());
  }

  /** Yuan with two decimals; unlike Money, a running figure may in principle be negative. */
  static String yuan(long minor) {
    return BigDecimal.valueOf(minor, 2).toPlainString();
  }

  record StatementResponse(
      List<LineResponse> items, int page, int size, long total, List<BalanceResponse> balances) {}

  record LineResponse(
      String transferId,
      String accountId,
      String accountKind,
      String type,
      String code,
      String direction,
      String amount,
      String balanceAfter,
      String frozenAfter,
      String reference,
      String businessDate,
      String createdAt) {}

  record BalanceResponse(
      String accountId,
      String kind,
      String available,
      String frozen,
      String total,
      String currency) {}
}
