package com.credence.bank.web;

import com.credence.bank.BankService;
import com.credence.bank.OrderView;
import com.credence.identity.IdentityService;
import com.credence.identity.SmsPurpose;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's pages: account (available, frozen, total), deposit, withdraw, cards and recent
 * orders in one page; the statement is the ledger's page. Each form carries its own idempotency
 * key, made when the page is rendered, so a resubmitted form moves nothing twice.
 */
@Controller
class BankPageController {

  static final String ACCOUNT = "bank/account";

  private final BankService bank;
  private final IdentityService identity;
  private final MessageSource messages;

  BankPageController(BankService bank, IdentityService identity, MessageSource messages) {
    this.bank = bank;
    this.identity = identity;
    this.messages = messages;
  }

  @GetMapping("/me/account")
  String account(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("account", bank.account(user.userId()));
    model.addAttribute("cards", bank.cards(user.userId()));
    model.addAttribute("orders", bank.ordersOf(user.userId(), 20));
    model.addAttribute("formKey", UUID.randomUUID().toString());
    return ACCOUNT;
  }

  @PostMapping("/me/account/cards")
  String bindCard(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "") String cardNumber,
      @RequestParam(defaultValue = "") String reservedPhone,
      Locale locale,
      RedirectAttributes flash) {
    try {
      bank.bindCard(user.userId(), cardNumber, reservedPhone);
      flash.addFlashAttribute("message", messages.getMessage("bank.card.bind", null, locale));
    } catch (ProblemException e) {
      flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), null, locale));
    }
    return "redirect:/me/account";
  }

  @PostMapping("/me/account/deposits")
  String deposit(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String cardId,
      @RequestParam(defaultValue = "") String key,
      Locale locale,
      RedirectAttributes flash) {
    return placeOrder(() -> bank.deposit(user.userId(), amount, uuid(cardId), key), locale, flash);
  }

  @PostMapping("/me/account/withdraw-code")
  String withdrawCode(
      @AuthenticationPrincipal AuthenticatedUser user,
      HttpServletRequest request,
      Locale locale,
      RedirectAttributes flash) {
    try {
      identity
          .personalIdentity(user.userId())
          .ifPresent(
              p ->
                  identity.requestSmsCode(p.phone(), SmsPurpose.WITHDRAW, request.getRemoteAddr()));
      flash.addFlashAttribute("message", messages.getMessage("bank.sms-sent", null, locale));
    } catch (ProblemException e) {
      flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), null, locale));
    }
    return "redirect:/me/account";
  }

  @PostMapping("/me/account/withdrawals")
  String withdraw(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String cardId,
      @RequestParam(defaultValue = "") String smsCode,
      @RequestParam(defaultValue = "") String key,
      Locale locale,
      RedirectAttributes flash) {
    return placeOrder(
        () -> bank.withdraw(user.userId(), amount, uuid(cardId), smsCode, key), locale, flash);
  }

  /** Sends the user to the bank's confirmation page, or back to the account with the refusal. */
  private String placeOrder(Supplier<OrderView> place, Locale locale, RedirectAttributes flash) {
    try {
      OrderView order = place.get();
      if (order.confirmUrl() != null) {
        return "redirect:" + order.confirmUrl();
      }
      flash.addFlashAttribute("message", messages.getMessage("bank.order.placed", null, locale));
    } catch (ProblemException e) {
      flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), null, locale));
    }
    return "redirect:/me/account";
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(404, "CARD_NOT_FOUND", "No such card", "problem.card-not-found");
    }
  }
}
