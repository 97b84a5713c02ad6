package com.credence.identity.web;

import com.credence.identity.IdentityService;
import com.credence.identity.KycStatus;
import com.credence.identity.QuestionView;
import com.credence.identity.RiskAssessmentResult;
import com.credence.identity.TotpEnrolment;
import com.credence.identity.UserView;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's pages: profile, real name, questionnaire, second factor. */
@Controller
class MePageController {

  static final String ME = "identity/me";
  static final String KYC = "identity/kyc";
  static final String RISK = "identity/risk-assessment";
  static final String SECURITY = "identity/security";

  private final IdentityService identity;
  private final PageMessages messages;

  MePageController(IdentityService identity, PageMessages messages) {
    this.identity = identity;
    this.messages = messages;
  }

  @GetMapping("/me")
  String me(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("user", view(user));
    return ME;
  }

  @GetMapping("/me/identity")
  String kycForm(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("user", view(user));
    model.addAttribute("realName", "");
    return KYC;
  }

  @PostMapping("/me/identity")
  String kyc(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "") String realName,
      @RequestParam(defaultValue = "") String idNumber,
      Locale locale,
      Model model) {
    model.addAttribute("realName", realName);
    try {
      KycStatus status = identity.verifyIdentity(user.userId(), realName, idNumber);
      if (status == KycStatus.VERIFIED) {
        return "redirect:/me?verified";
      }
      model.addAttribute("error", messages.of("problem.kyc-rejected", locale));
    } catch (ProblemException e) {
      model.addAttribute("error", messages.of(e, locale));
    }
    model.addAttribute("user", view(user));
    return KYC;
  }

  @GetMapping("/me/risk-assessment")
  String riskForm(@AuthenticationPrincipal AuthenticatedUser user, Locale locale, Model model) {
    model.addAttribute("user", view(user));
    model.addAttribute("questions", identity.riskQuestions(locale));
    model.addAttribute("answers", Map.of());
    return RISK;
  }

  @PostMapping("/me/risk-assessment")
  String risk(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam Map<String, String> form,
      Locale locale,
      Model model) {
    List<QuestionView> questions = identity.riskQuestions(locale);
    List<Integer> answers = new ArrayList<>();
    for (QuestionView question : questions) {
      String value = form.get("q-" + question.id());
      if (value == null || !value.matches("[0-9]{1,2}")) {
        return riskError(user, questions, form, messages.of("risk.answer-all", locale), model);
      }
      answers.add(Integer.valueOf(value));
    }
    try {
      RiskAssessmentResult result = identity.submitRiskAssessment(user.userId(), answers);
      model.addAttribute("result", result);
    } catch (ProblemException e) {
      return riskError(user, questions, form, messages.of(e, locale), model);
    }
    model.addAttribute("user", view(user));
    model.addAttribute("questions", questions);
    model.addAttribute("answers", form);
    return RISK;
  }

  private String riskError(
      AuthenticatedUser user,
      List<QuestionView> questions,
      Map<String, String> form,
      String error,
      Model model) {
    model.addAttribute("user", view(user));
    model.addAttribute("questions", questions);
    model.addAttribute("answers", form);
    model.addAttribute("error", error);
    return RISK;
  }

  @GetMapping("/me/security")
  String security(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("user", view(user));
    return SECURITY;
  }

  @PostMapping("/me/security/totp")
  String startTotp(@AuthenticationPrincipal AuthenticatedUser user, Locale locale, Model model) {
    model.addAttribute("user", view(user));
    try {
      TotpEnrolment enrolment = identity.startTotpEnrolment(user.userId());
      model.addAttribute("secret", enrolment.secret());
      model.addAttribute("qr", QrCodes.svgDataUri(enrolment.otpauthUri()));
    } catch (ProblemException e) {
      model.addAttribute("error", messages.of(e, locale));
    }
    return SECURITY;
  }

  @PostMapping("/me/security/totp/confirm")
  String confirmTotp(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "") String code,
      Locale locale,
      Model model) {
    try {
      identity.confirmTotp(user.userId(), code);
    } catch (ProblemException e) {
      model.addAttribute("user", view(user));
      model.addAttribute("error", messages.of(e, locale));
      return SECURITY;
    }
    return "redirect:/me/security?enabled";
  }

  private UserView view(AuthenticatedUser user) {
    return identity.findUser(user.userId()).orElseThrow(() -> ProblemException.notFound("User"));
  }
}
