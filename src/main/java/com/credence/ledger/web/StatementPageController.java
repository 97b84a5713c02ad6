package com.credence.ledger.web;

import com.credence.ledger.LedgerService;
import com.credence.ledger.StatementLine;
import com.credence.ledger.StatementPage;
import com.credence.shared.AuthenticatedUser;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's statement page (资金流水): balances and ledger lines, newest first. */
@Controller
class StatementPageController {

  static final String VIEW = "ledger/statement";
  static final int PAGE_SIZE = 20;

  private final LedgerService ledger;

  StatementPageController(LedgerService ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/me/statement")
  String statement(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    int safePage = Math.max(0, Math.min(page, 100_000));
    StatementPage statement = ledger.statement(user.userId(), from, to, safePage, PAGE_SIZE);
    model.addAttribute("statement", statement);
    model.addAttribute("lines", statement.items().stream().map(LineView::of).toList());
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return VIEW;
  }

  /** A statement line with its figures formatted for the page (grouping, two decimals, sign). */
  record LineView(StatementLine line, String amount, String balanceAfter, String frozenAfter) {

    static LineView of(StatementLine l) {
      String sign = l.direction() == StatementLine.Direction.CREDIT ? "+" : "-";
      return new LineView(
          l,
          sign + format(l.amountMinor()),
          format(l.balanceAfterMinor()),
          format(l.frozenAfterMinor()));
    }

    private static String format(long minor) {
      DecimalFormat format =
          new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
      return format.format(BigDecimal.valueOf(minor, 2));
    }
  }
}
