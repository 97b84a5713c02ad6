package com.credence.investment.web;

import com.credence.investment.AutoInvest;
import com.credence.investment.AutoInvestRule;
import com.credence.risk.Grade;
import com.credence.shared.AnnualRate;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auto-invest settings page: the rule, and switching the authorisation on or off. */
@Controller
class AutoInvestPageController {

  static final String AUTO_INVEST = "investment/auto-invest";

  private final AutoInvest autoInvest;
  private final MessageSource messages;

  AutoInvestPageController(AutoInvest autoInvest, MessageSource messages) {
    this.autoInvest = autoInvest;
    this.messages = messages;
  }

  @GetMapping("/me/auto-invest")
  String page(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("rule", autoInvest.rule(user.userId()));
    model.addAttribute("allGrades", List.of(Grade.values()));
    return AUTO_INVEST;
  }

  @PostMapping("/me/auto-invest")
  String save(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "false") boolean enabled,
      @RequestParam(defaultValue = "") String minRatePercent,
      @RequestParam(defaultValue = "") String maxRatePercent,
      @RequestParam(defaultValue = "0") int termMonthsMin,
      @RequestParam(defaultValue = "0") int termMonthsMax,
      @RequestParam(required = false) List<String> grades,
      @RequestParam(defaultValue = "") String maxPerListing,
      @RequestParam(defaultValue = "") String reserveBalance,
      @RequestParam(defaultValue = "") String authorisedLimit,
      @RequestParam(defaultValue = "") String authorisedUntil,
      Locale locale,
      RedirectAttributes flash) {
    try {
      Set<Grade> chosen = EnumSet.noneOf(Grade.class);
      if (grades != null) {
        grades.forEach(g -> chosen.add(Grade.valueOf(g)));
      }
      autoInvest.save(
          user.userId(),
          new AutoInvestRule(
              enabled,
              AnnualRate.ofBps(percentToBps(minRatePercent)),
              AnnualRate.ofBps(percentToBps(maxRatePercent)),
              termMonthsMin,
              termMonthsMax,
              chosen,
              Money.parseCny(maxPerListing.trim()),
              Money.parseCny(reserveBalance.trim()),
              Money.parseCny(authorisedLimit.trim()),
              LocalDate.parse(authorisedUntil.trim()),
              Money.cny(0)));
      flash.addFlashAttribute(
          "message",
          messages.getMessage(
              enabled ? "investment.auto.saved" : "investment.auto.revoked", null, locale));
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
      flash.addFlashAttribute(
          "error", messages.getMessage("investment.auto.invalid", null, locale));
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "error", messages.getMessage("investment.auto.invalid", null, locale));
    }
    return "redirect:/me/auto-invest";
  }

  /** "9.5" (percent, as people type it) to 950 basis points. */
  static int percentToBps(String percent) {
    return new java.math.BigDecimal(percent.trim())
        .movePointRight(2)
        .setScale(0, java.math.RoundingMode.HALF_UP)
        .intValueExact();
  }
}
