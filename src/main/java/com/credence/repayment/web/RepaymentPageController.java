package com.credence.repayment.web;

import com.credence.investment.HoldingFigures;
import com.credence.investment.InvestmentService;
import com.credence.repayment.CashFlowView;
import com.credence.repayment.HoldingSchedule;
import com.credence.repayment.LoanView;
import com.credence.repayment.RepaymentReceipt;
import com.credence.repayment.RepaymentService;
import com.credence.repayment.domain.Reschedule;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the borrower's loans and a loan's schedule with what is due and the repay form; the
 * investor's cash-flow calendar and a holding's part of each installment; the operators' overdue
 * list with the collections log.
 */
@Controller
class RepaymentPageController {

  static final String LOANS = "repayment/loans";
  static final String LOAN = "repayment/loan";
  static final String CASH_FLOWS = "repayment/cash-flows";
  static final String OVERDUE = "repayment/overdue";
  static final String HOLDING = "repayment/holding";

  /** Staff who may write the collections log (auditors only read). */
  static final Set<String> COLLECTORS = Set.of("OPERATOR", "RISK_OFFICER", "ADMIN");

  private static final int CALENDAR_MONTHS = 12;

  /** Coming parts a page of the cash-flow calendar. */
  static final int FLOWS_PAGE_SIZE = 50;

  private final RepaymentService repayment;
  private final HoldingFigures figures;
  private final InvestmentService listings;
  private final MessageSource messages;
  private final Clock clock;

  RepaymentPageController(
      RepaymentService repayment,
      HoldingFigures figures,
      InvestmentService listings,
      MessageSource messages,
      Clock clock) {
    this.repayment = repayment;
    this.listings = listings;
    this.figures = figures;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/me/loans")
  String loans(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("loans", repayment.loansOf(user.userId(), 0, 100));
    return LOANS;
  }

  @GetMapping("/me/loans/{loanId}")
  String loan(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String loanId, Model model) {
    UUID id = uuid(loanId);
    // Only the borrower's own loans here: staff use the overdue page.
    LoanView loan = repayment.loan(user.userId(), Set.of(), id);
    model.addAttribute("loan", loan);
    model.addAttribute("installments", repayment.schedule(user.userId(), Set.of(), id));
    model.addAttribute("formKey", UUID.randomUUID().toString());
    return LOAN;
  }

  @PostMapping("/me/loans/{loanId}/repayments")
  String repay(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String loanId,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "REDUCE_INSTALLMENT") String earlyRepayment,
      @RequestParam(defaultValue = "") String key,
      Locale locale,
      RedirectAttributes flash) {
    UUID id = uuid(loanId);
    try {
      Reschedule.Mode mode =
          "SHORTEN_TERM".equals(earlyRepayment)
              ? Reschedule.Mode.SHORTEN_TERM
              : Reschedule.Mode.REDUCE_INSTALLMENT;
      RepaymentReceipt r = repayment.repay(user.userId(), id, amount, mode, key);
      flash.addFlashAttribute(
          "message",
          messages.getMessage(
              "repayment.repay.done",
              new Object[] {r.amount().toDisplayString(), r.principal().toDisplayString()},
              locale));
    } catch (ProblemException e) {
      if ("NOT_FOUND".equals(e.code())) {
        throw e;
      }
      flash.addFlashAttribute(
          "error", messages.getMessage(e.messageKey(), null, e.getMessage(), locale));
    }
    // The path variable fills the template: no user text in the redirect.
    return "redirect:/me/loans/{loanId}";
  }

  /** One of the investor's holdings and its part of every installment; 404 for anyone else's. */
  @GetMapping("/me/holdings/{holdingId}")
  String holding(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String holdingId,
      Model model) {
    HoldingSchedule holding = repayment.holdingSchedule(user.userId(), uuid(holdingId, "Holding"));
    model.addAttribute("holding", holding);
    model.addAttribute(
        "listingTitle",
        listings
            .titlesOfLoans(List.of(holding.loan().loanId()))
            .getOrDefault(holding.loan().loanId(), holding.loan().loanId().toString()));
    return HOLDING;
  }

  /**
   * The investor's cash-flow calendar: expected and received per month, and the coming parts of the
   * next twelve months, {@link #FLOWS_PAGE_SIZE} a page ({@code page}; a page beyond the end shows
   * the last one, anything but a number the first, with a message).
   */
  @GetMapping("/me/cash-flows")
  String cashFlows(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") String page,
      Model model) {
    LocalDate today = BusinessCalendar.today(clock);
    YearMonth from = YearMonth.from(today).minusMonths(2);
    List<HoldingFigures.MonthFlows> months =
        figures.monthlyCashFlows(user.userId(), from, CALENDAR_MONTHS);
    model.addAttribute("months", months);
    model.addAttribute("chart", chartData(months));
    List<CashFlowView> all =
        repayment.cashFlows(user.userId(), today, today.plusMonths(CALENDAR_MONTHS));
    int pages = Math.max(1, (all.size() + FLOWS_PAGE_SIZE - 1) / FLOWS_PAGE_SIZE);
    int shown;
    try {
      shown = Math.min(Math.max(0, Integer.parseInt(page.strip())), pages - 1);
    } catch (NumberFormatException e) {
      model.addAttribute("flowsError", "repayment.flows.bad-page");
      shown = 0;
    }
    List<CashFlowView> flows =
        all.subList(shown * FLOWS_PAGE_SIZE, Math.min(all.size(), (shown + 1) * FLOWS_PAGE_SIZE));
    model.addAttribute("flows", flows);
    model.addAttribute("flowsPage", shown);
    model.addAttribute("flowsPages", pages);
    model.addAttribute(
        "titles",
        listings.titlesOfLoans(flows.stream().map(CashFlowView::loanId).distinct().toList()));
    return CASH_FLOWS;
  }

  /** The chart's data as a small JSON document for a data attribute (no inline script). */
  static String chartData(List<HoldingFigures.MonthFlows> months) {
    StringBuilder labels = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    StringBuilder received = new StringBuilder();
    for (HoldingFigures.MonthFlows m : months) {
      String sep = labels.length() == 0 ? "" : ",";
      labels.append(sep).append('"').append(m.month()).append('"');
      expected
          .append(sep)
          .append('"')
          .append(m.expectedPrincipal().plus(m.expectedInterest()).toApiString())
          .append('"');
      received
          .append(sep)
          .append('"')
          .append(m.receivedPrincipal().plus(m.receivedInterest()).toApiString())
          .append('"');
    }
    return "{\"months\":["
        + labels
        + "],\"expected\":["
        + expected
        + "],\"received\":["
        + received
        + "]}";
  }

  @GetMapping("/admin/overdue")
  String overdue(
      @RequestParam(required = false) String loan,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("loans", repayment.overdueLoans(200));
    model.addAttribute("canWrite", user.roles().stream().anyMatch(COLLECTORS::contains));
    if (loan != null && !loan.isBlank()) {
      UUID id = uuid(loan);
      model.addAttribute("selected", repayment.loan(user.userId(), user.roles(), id));
      model.addAttribute("log", repayment.collectionLog(id));
    }
    return OVERDUE;
  }

  @PostMapping("/admin/overdue/{loanId}/log")
  String addLog(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String loanId,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(defaultValue = "") String promisedDate,
      @RequestParam(defaultValue = "") String promisedAmount,
      Locale locale,
      RedirectAttributes flash) {
    UUID id = uuid(loanId);
    if (user.roles().stream().noneMatch(COLLECTORS::contains)) {
      throw new ProblemException(403, "FORBIDDEN", "Operators only", "problem.forbidden");
    }
    try {
      repayment.addCollectionEntry(user.userId(), id, kind, note, promisedDate, promisedAmount);
      flash.addFlashAttribute("message", messages.getMessage("repayment.log.added", null, locale));
    } catch (ProblemException e) {
      if ("NOT_FOUND".equals(e.code())) {
        throw e;
      }
      flash.addFlashAttribute(
          "error", messages.getMessage(e.messageKey(), null, e.getMessage(), locale));
    }
    flash.addAttribute("loan", id.toString());
    return "redirect:/admin/overdue";
  }

  /** A refusal that is not shown on the page (a loan that is not the user's): the error page. */
  @ExceptionHandler(ProblemException.class)
  void refused(ProblemException e, HttpServletResponse response) throws IOException {
    response.sendError(e.status());
  }

  private static UUID uuid(String text) {
    return uuid(text, "Loan");
  }

  private static UUID uuid(String text, String what) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(what);
    }
  }
}
