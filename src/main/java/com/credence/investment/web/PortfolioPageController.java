package com.credence.investment.web;

import com.credence.investment.HoldingFigures;
import com.credence.investment.InvestmentService;
import com.credence.risk.Grade;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.Money;
import java.util.List;
import java.util.Map;
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
  static final int INVESTMENTS_PAGE_SIZE = 20;

  private final InvestmentService investments;

  PortfolioPageController(InvestmentService investments) {
    this.investments = investments;
  }

  /**
   * The portfolio; its investments list filtered by {@code status} (FROZEN, ACTIVE or REFUNDED;
   * anything else is named on the page and shows all) and paged by {@code page}.
   */
  @GetMapping("/me/portfolio")
  String portfolio(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") String page,
      Model model) {
    model.addAttribute("holdings", investments.holdingsOf(user.userId(), 0, 100));
    String filter = status == null || status.isBlank() ? null : status.strip();
    if (filter != null && !InvestmentService.INVESTMENT_STATUSES.contains(filter)) {
      model.addAttribute("investmentsError", "investment.portfolio.bad-status");
      filter = null;
    }
    int pageNumber = 0;
    try {
      pageNumber = Math.max(0, Integer.parseInt(page.strip()));
    } catch (NumberFormatException e) {
      model.addAttribute("investmentsError", "investment.portfolio.bad-page");
    }
    model.addAttribute("investmentStatuses", InvestmentService.INVESTMENT_STATUSES);
    model.addAttribute("investmentFilter", filter);
    model.addAttribute(
        "investments",
        investments.investmentsOf(user.userId(), filter, pageNumber, INVESTMENTS_PAGE_SIZE));
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
}
