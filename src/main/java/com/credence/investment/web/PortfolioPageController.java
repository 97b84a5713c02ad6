package com.credence.investment.web;

import com.credence.investment.HoldingFigures;
import com.credence.investment.InvestmentService;
import com.credence.investment.PageOf;
import com.credence.risk.Grade;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.Money;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The investor's portfolio: holdings, investments, the allocation by grade and the 12-month
 * cash-flow calendar (ECharts, drawn by {@code investment-portfolio.js} from data attributes).
 */
@Controller
class PortfolioPageController {

  static final String PORTFOLIO = "investment/portfolio";
  private static final int CALENDAR_MONTHS = 12;

  /** Holdings and investments a page. */
  static final int PAGE_SIZE = 20;

  private final InvestmentService investments;

  PortfolioPageController(InvestmentService investments) {
    this.investments = investments;
  }

  /**
   * The portfolio; its holdings paged by {@code holdingsPage}, its investments filtered by {@code
   * status} (FROZEN, ACTIVE or REFUNDED; anything else is named on the page and shows all) and
   * paged by {@code page}.
   */
  @GetMapping("/me/portfolio")
  String portfolio(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "0") String holdingsPage,
      Model model) {
    model.addAttribute(
        "holdings",
        withinPages(
            investments.holdingsOf(user.userId(), pageNumber(holdingsPage, model), PAGE_SIZE),
            last -> investments.holdingsOf(user.userId(), last, PAGE_SIZE)));
    String filter =
        status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    if (filter != null && !InvestmentService.INVESTMENT_STATUSES.contains(filter)) {
      model.addAttribute("portfolioError", "investment.portfolio.bad-status");
      filter = null;
    }
    int pageNumber = pageNumber(page, model);
    model.addAttribute("investmentStatuses", InvestmentService.INVESTMENT_STATUSES);
    model.addAttribute("investmentFilter", filter);
    String shown = filter;
    model.addAttribute(
        "investments",
        withinPages(
            investments.investmentsOf(user.userId(), shown, pageNumber, PAGE_SIZE),
            last -> investments.investmentsOf(user.userId(), shown, last, PAGE_SIZE)));
    Map<Grade, Money> byGrade = investments.allocationByGrade(user.userId());
    // Chart data as plain "label:value" lists in yuan, read by the page's script.
    model.addAttribute(
        "gradeData",
        byGrade.entrySet().stream()
            .map(e -> e.getKey().name() + ":" + e.getValue().toMajor().toPlainString())
            .collect(Collectors.joining(";")));
    List<HoldingFigures.MonthFlows> flows =
        investments.cashFlowCalendar(user.userId(), CALENDAR_MONTHS);
    model.addAttribute("flows", flows);
    model.addAttribute(
        "flowData",
        flows.stream()
            .map(
                f ->
                    f.month()
                        + ":"
                        + f.expectedPrincipal().toMajor().toPlainString()
                        + ":"
                        + f.expectedInterest().toMajor().toPlainString()
                        + ":"
                        + f.receivedPrincipal()
                            .plus(f.receivedInterest())
                            .toMajor()
                            .toPlainString())
            .collect(Collectors.joining(";")));
    return PORTFOLIO;
  }

  /** The page asked for, or the last one when it asked beyond the end. */
  private static <T> PageOf<T> withinPages(PageOf<T> asked, IntFunction<PageOf<T>> page) {
    if (!asked.items().isEmpty() || asked.total() == 0) {
      return asked;
    }
    return page.apply((int) ((asked.total() - 1) / asked.size()));
  }

  /** A page number from the query, the first page (and a message) for anything else. */
  private static int pageNumber(String text, Model model) {
    try {
      return Math.max(0, Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      model.addAttribute("portfolioError", "investment.portfolio.bad-page");
      return 0;
    }
  }
}
