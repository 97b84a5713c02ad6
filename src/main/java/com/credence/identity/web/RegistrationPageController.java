package com.credence.identity.web;

import com.credence.identity.IdentityService;
import com.credence.identity.Role;
import com.credence.identity.SmsPurpose;
import com.credence.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-up (注册) and password reset pages: mobile number, SMS code, password. */
@Controller
class RegistrationPageController {

  static final String REGISTER = "identity/register";
  static final String RESET = "identity/password-reset";
  static final String SMS_STATUS = "identity/sms-status :: status";

  private final IdentityService identity;
  private final PageMessages messages;

  RegistrationPageController(IdentityService identity, PageMessages messages) {
    this.identity = identity;
    this.messages = messages;
  }

  @GetMapping("/register")
  String registerForm(Model model) {
    model.addAttribute("phone", "");
    model.addAttribute("role", "INVESTOR");
    return REGISTER;
  }

  @PostMapping("/register/sms-code")
  String registerCode(
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "INVESTOR") String role,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    sendCode(phone, SmsPurpose.REGISTER, request, locale, model);
    model.addAttribute("phone", phone);
    model.addAttribute("role", role);
    return htmx != null ? SMS_STATUS : REGISTER;
  }

  @PostMapping("/register")
  String register(
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String smsCode,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "INVESTOR") String role,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    model.addAttribute("phone", phone);
    model.addAttribute("role", role);
    Role chosen = "BORROWER".equals(role) ? Role.BORROWER : Role.INVESTOR;
    try {
      identity.register(phone, smsCode, password, chosen, request.getRemoteAddr());
    } catch (ProblemException e) {
      model.addAttribute("error", messages.of(e, locale));
      return REGISTER;
    }
    return "redirect:/login?registered";
  }

  @GetMapping("/password-reset")
  String resetForm(Model model) {
    model.addAttribute("phone", "");
    return RESET;
  }

  @PostMapping("/password-reset/sms-code")
  String resetCode(
      @RequestParam(defaultValue = "") String phone,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    sendCode(phone, SmsPurpose.RESET_PASSWORD, request, locale, model);
    model.addAttribute("phone", phone);
    return htmx != null ? SMS_STATUS : RESET;
  }

  @PostMapping("/password-reset")
  String reset(
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String smsCode,
      @RequestParam(defaultValue = "") String newPassword,
      Locale locale,
      Model model) {
    model.addAttribute("phone", phone);
    try {
      identity.resetPassword(phone, smsCode, newPassword);
    } catch (ProblemException e) {
      model.addAttribute("error", messages.of(e, locale));
      return RESET;
    }
    return "redirect:/login?reset";
  }

  private void sendCode(
      String phone, SmsPurpose purpose, HttpServletRequest request, Locale locale, Model model) {
    try {
      identity.requestSmsCode(phone, purpose, request.getRemoteAddr());
      model.addAttribute("smsSent", messages.of("sms.sent", locale));
    } catch (ProblemException e) {
      model.addAttribute("smsError", messages.of(e, locale));
    }
  }
}
