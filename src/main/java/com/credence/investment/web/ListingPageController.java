package com.credence.investment.web;

import com.credence.investment.InvestmentService;
import com.credence.investment.ListingBrowser;
import com.credence.investment.ListingFilter;
import com.credence.investment.ListingStatus;
import com.credence.investment.ListingView;
import com.credence.investment.PageOf;
import com.credence.investment.PlaceInvestment;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public listings pages: the filtered, sorted, paged list and one listing with its disclosure;
 * progress bars refresh themselves (htmx polling of a fragment). Signed-in investors invest from
 * the listing page; the form carries an idempotency key made when the page is rendered.
 */
@Controller
class ListingPageController {

  static final String LISTINGS = "investment/listings";
  static final String LISTING = "investment/listing";
  static final String PROGRESS = "investment/progress :: progress";
  private static final int PAGE_SIZE = 20;

  private final InvestmentService investments;
  private final ListingBrowser browser;
  private final MessageSource messages;
  private final VisitorListingPages visitorPages;

  ListingPageController(
      InvestmentService investments,
      ListingBrowser browser,
      MessageSource messages,
      VisitorListingPages visitorPages) {
    this.investments = investments;
    this.browser = browser;
    this.messages = messages;
    this.visitorPages = visitorPages;
  }

  @GetMapping("/listings")
  String listings(
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String grade,
      @RequestParam(required = false) @Nullable Integer termMonths,
      @RequestParam(required = false) @Nullable String minRate,
      @RequestParam(required = false) @Nullable String product,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(defaultValue = "0") int page,
      Locale locale,
      Model model) {
    ListingStatus wanted = parseStatus(status);
    PageOf<ListingView> result;
    try {
      result =
          browser.listings(
              new ListingFilter(wanted, grade, termMonths, minRate, product, sort),
              page,
              PAGE_SIZE);
    } catch (ProblemException e) {
      model.addAttribute(
          "error", messages.getMessage(e.messageKey(), null, e.getMessage(), locale));
      result = new PageOf<>(List.of(), 0, PAGE_SIZE, 0);
    }
    model.addAttribute("page", result);
    model.addAttribute("status", wanted == null ? "" : wanted.name());
    model.addAttribute("grade", grade == null ? "" : grade);
    model.addAttribute("termMonths", termMonths);
    model.addAttribute("minRate", minRate == null ? "" : minRate);
    model.addAttribute("product", product == null ? "" : product);
    model.addAttribute("sort", sort == null ? "NEWEST" : sort);
    model.addAttribute("lastPage", Math.max(0, (result.total() - 1) / PAGE_SIZE));
    return LISTINGS;
  }

  private static @Nullable ListingStatus parseStatus(@Nullable String status) {
    if (status == null || status.isBlank()) {
      return ListingStatus.OPEN;
    }
    if ("ALL".equalsIgnoreCase(status)) {
      return null;
    }
    try {
      return ListingStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ListingStatus.OPEN;
    }
  }

  @GetMapping("/listings/{listingId}")
  ModelAndView listing(
      @PathVariable UUID listingId,
      @AuthenticationPrincipal @Nullable AuthenticatedUser user,
      Locale locale,
      Model model) {
    ListingView listing = browser.listing(listingId);
    boolean flash =
        model.containsAttribute("message")
            || model.containsAttribute("error")
            || model.containsAttribute("amount");
    model.addAttribute("listing", listing);
    model.addAttribute("canInvest", user != null && user.hasRole("INVESTOR"));
    model.addAttribute("signedIn", user != null);
    if (user == null && !flash) {
      // A visitor's page depends on the listing and the language only: kept once rendered.
      return new ModelAndView(visitorPages.page(LISTING, listing, locale));
    }
    model.addAttribute("formKey", UUID.randomUUID().toString());
    return new ModelAndView(LISTING);
  }

  @GetMapping("/listings/{listingId}/progress")
  String progress(@PathVariable UUID listingId, Model model) {
    model.addAttribute("listing", browser.listing(listingId));
    return PROGRESS;
  }

  @PostMapping("/listings/{listingId}/invest")
  String invest(
      @PathVariable UUID listingId,
      @AuthenticationPrincipal @Nullable AuthenticatedUser user,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "false") boolean takeRemaining,
      @RequestParam(defaultValue = "") String key,
      Locale locale,
      RedirectAttributes flash) {
    if (user == null) {
      return "redirect:/login";
    }
    try {
      InvestmentService.Placed placed =
          investments.invest(
              new PlaceInvestment(listingId, user.userId(), amount, takeRemaining, key));
      browser.changed(listingId);
      flash.addFlashAttribute(
          "message",
          messages.getMessage(
              "investment.invest.done",
              new Object[] {placed.investment().amount().toDisplayString()},
              locale));
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "error", messages.getMessage(e.messageKey(), null, e.getMessage(), locale));
      flash.addFlashAttribute("amount", amount);
    }
    return "redirect:/listings/" + listingId;
  }
}
