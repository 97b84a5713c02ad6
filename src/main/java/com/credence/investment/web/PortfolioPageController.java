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

/**
 * The investor's portfolio: holdings, investments, the allocation by grade and the 12-month
 * cash-flow calendar (ECharts, drawn by {@code investment-portfolio.js} from data attributes).
 */
@Controller
class PortfolioPageController {

  static final String PORTFOLIO = "investment/portfolio";
  private static final int CALENDAR_MONTHS = 12;

  private final InvestmentService investments;

  PortfolioPageController(InvestmentService investments) {
    this.investments = investments;
  }

  @GetMapping("/me/portfolio")
  String portfolio(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("holdings", investments.holdingsOf(user.userId(), 0, 100));
    model.addAttribute("investments", investments.investmentsOf(user.userId(), null, 0, 50));
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
