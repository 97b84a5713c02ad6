package com.credence.bank.web;

import com.credence.bank.BankReconciliation;
import com.credence.bank.BankService;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operators' page: recent orders and reconciliation results, with the resolution form. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'AUDITOR')")
class BankAdminPageController {

  static final String ADMIN = "bank/admin";

  private final BankService bank;
  private final BankReconciliation reconciliation;
  private final MessageSource messages;

  BankAdminPageController(
      BankService bank, BankReconciliation reconciliation, MessageSource messages) {
    this.bank = bank;
    this.reconciliation = reconciliation;
    this.messages = messages;
  }

  @GetMapping("/admin/bank")
  String page(Model model) {
    model.addAttribute("orders", bank.recentOrders(null, 100));
    model.addAttribute("runs", reconciliation.recent(30));
    return ADMIN;
  }

  @PostMapping("/admin/bank/reconciliations/{date}/resolve")
  @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
  String resolve(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(defaultValue = "") String resolution,
      Locale locale,
      RedirectAttributes flash) {
    try {
      reconciliation.resolve(date, user.userId(), resolution);
    } catch (ProblemException e) {
      flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), null, locale));
    }
    return "redirect:/admin/bank";
  }
}
