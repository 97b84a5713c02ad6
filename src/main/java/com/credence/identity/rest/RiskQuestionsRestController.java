package com.credence.identity.rest;

import com.credence.identity.IdentityService;
import com.credence.identity.QuestionView;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The questionnaire, public, in the language of Accept-Language (Chinese unless English). */
@RestController
class RiskQuestionsRestController {

  private final IdentityService identity;

  RiskQuestionsRestController(IdentityService identity) {
    this.identity = identity;
  }

  @GetMapping("/api/v1/risk-assessment/questions")
  List<QuestionView> questions(
      @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
    return identity.riskQuestions(language(acceptLanguage));
  }

  static Locale language(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      Locale best =
          Locale.lookup(ranges, List.of(Locale.SIMPLIFIED_CHINESE, Locale.CHINESE, Locale.ENGLISH));
      return best != null && "en".equals(best.getLanguage())
          ? Locale.ENGLISH
          : Locale.SIMPLIFIED_CHINESE;
    } catch (IllegalArgumentException e) {
      return Locale.SIMPLIFIED_CHINESE;
    }
  }
}
