package com.credence.bank.rest;

import com.credence.bank.AccountSummary;
import com.credence.bank.BankService;
import com.credence.bank.CardView;
import com.credence.bank.OrderView;
import com.credence.bank.domain.OrderKind;
import com.credence.shared.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Money in and out through the custodian bank (API.md "Money in and out"). */
@RestController
class BankRestController {

  private final BankService bank;

  BankRestController(BankService bank) {
    this.bank = bank;
  }

  record AccountResponse(String available, String frozen, String total, String currency) {}

  @GetMapping("/api/v1/me/account")
  AccountResponse account(@AuthenticationPrincipal AuthenticatedUser user) {
    AccountSummary a = bank.account(user.userId());
    return new AccountResponse(
        a.available().toApiString(), a.frozen().toApiString(), a.total().toApiString(), "CNY");
  }

  record BindCard(
      @NotNull @Size(min = 1, max = 30) String cardNumber,
      @NotNull @Size(min = 1, max = 20) String reservedPhone) {}

  @PostMapping("/api/v1/me/bank-cards")
  @ResponseStatus(HttpStatus.CREATED)
  CardView bindCard(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody BindCard request) {
    return bank.bindCard(user.userId(), request.cardNumber(), request.reservedPhone());
  }

  @GetMapping("/api/v1/me/bank-cards")
  List<CardView> cards(@AuthenticationPrincipal AuthenticatedUser user) {
    return bank.cards(user.userId());
  }

  @DeleteMapping("/api/v1/me/bank-cards/{cardId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unbind(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID cardId) {
    bank.unbindCard(user.userId(), cardId);
  }

  record DepositRequest(@NotNull @Size(max = 32) String amount, @NotNull UUID cardId) {}

  record WithdrawalRequest(
      @NotNull @Size(max = 32) String amount,
      @NotNull UUID cardId,
      @NotNull @Size(min = 1, max = 10) String smsCode) {}

  /** The answer to placing an order and to reading it. */
  record OrderResponse(String orderId, String amount, String status, @Nullable String confirmUrl) {}

  @PostMapping("/api/v1/deposits")
  ResponseEntity<OrderResponse> deposit(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      @Valid @RequestBody DepositRequest request) {
    OrderView order =
        bank.deposit(user.userId(), request.amount(), request.cardId(), key == null ? "" : key);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(response(order));
  }

  @GetMapping("/api/v1/deposits/{orderId}")
  OrderResponse deposit(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID orderId) {
    return response(bank.order(user.userId(), OrderKind.DEPOSIT, orderId));
  }

  @PostMapping("/api/v1/withdrawals")
  ResponseEntity<OrderResponse> withdraw(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      @Valid @RequestBody WithdrawalRequest request) {
    OrderView order =
        bank.withdraw(
            user.userId(),
            request.amount(),
            request.cardId(),
            request.smsCode(),
            key == null ? "" : key);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(response(order));
  }

  @GetMapping("/api/v1/withdrawals/{orderId}")
  OrderResponse withdrawal(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID orderId) {
    return response(bank.order(user.userId(), OrderKind.WITHDRAWAL, orderId));
  }

  static OrderResponse response(OrderView o) {
    return new OrderResponse(
        o.orderId().toString(),
        o.amount().toApiString(),
        o.status().publicStatus().name(),
        o.confirmUrl());
  }
}
