package com.credence.investment.web;

import com.credence.investment.OfferView;
import com.credence.investment.PartialOffers;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The borrower's partial loan offer page (linked from the application's page): what was raised,
 * until when the offer stands, and the accept and decline forms. Only the loan's borrower.
 */
@Controller
class OfferPageController {

  static final String OFFER = "investment/offer";
  static final String LINK = "investment/offer-link";

  private final PartialOffers offers;
  private final MessageSource messages;

  OfferPageController(PartialOffers offers, MessageSource messages) {
    this.offers = offers;
    this.messages = messages;
  }

  @GetMapping("/me/offers/{listingId}")
  String offer(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID listingId, Model model) {
    model.addAttribute(
        "offer",
        offers
            .find(user.userId(), listingId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("formKey", UUID.randomUUID().toString());
    return OFFER;
  }

  /** The link on the application's page: shown only when the user has an offer for the listing. */
  @GetMapping("/me/offers/{listingId}/link")
  String link(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID listingId, Model model) {
    model.addAttribute("offer", offers.find(user.userId(), listingId).orElse(null));
    return LINK;
  }

  @PostMapping("/me/offers/{listingId}/accept")
  String accept(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID listingId,
      @RequestParam(defaultValue = "") String key,
      Locale locale,
      RedirectAttributes flash) {
    return answer(user, listingId, key, true, locale, flash);
  }

  @PostMapping("/me/offers/{listingId}/decline")
  String decline(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID listingId,
      @RequestParam(defaultValue = "") String key,
      Locale locale,
      RedirectAttributes flash) {
    return answer(user, listingId, key, false, locale, flash);
  }

  private String answer(
      AuthenticatedUser user,
      UUID listingId,
      String key,
      boolean accept,
      Locale locale,
      RedirectAttributes flash) {
    try {
      OfferView o =
          accept
              ? offers.accept(user.userId(), listingId, key)
              : offers.decline(user.userId(), listingId, key);
      flash.addFlashAttribute(
          "message",
          messages.getMessage(
              "investment.offer.done." + o.status(),
              new Object[] {o.raised().toDisplayString()},
              locale));
    } catch (ProblemException e) {
      if ("NOT_FOUND".equals(e.code())) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
      }
      flash.addFlashAttribute(
          "error", messages.getMessage(e.messageKey(), null, e.getMessage(), locale));
    }
    return "redirect:/me/offers/" + listingId;
  }
}
