package com.credence.origination.web;

import com.credence.origination.ApplicationForm;
import com.credence.origination.ApplicationInvalid;
import com.credence.origination.ApplicationView;
import com.credence.origination.OriginationService;
import com.credence.origination.ProductType;
import com.credence.origination.domain.FieldError;
import com.credence.risk.ApplicantProfile;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The borrower's pages: my applications, the application form, one application's status. */
@Controller
class BorrowerPageController {

  static final String LIST = "origination/my-applications";
  static final String FORM = "origination/apply";
  static final String DETAIL = "origination/application";

  private final OriginationService origination;
  private final MessageSource messages;

  BorrowerPageController(OriginationService origination, MessageSource messages) {
    this.origination = origination;
    this.messages = messages;
  }

  @GetMapping("/me/loan-applications")
  String list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("applications", origination.myApplications(user.userId(), page, 20));
    model.addAttribute("products", origination.products());
    return LIST;
  }

  @GetMapping("/me/loan-applications/new")
  String form(@RequestParam(defaultValue = "CREDIT") String product, Model model) {
    String type = product.toUpperCase(Locale.ROOT);
    if (!type.equals("CAR") && !type.equals("BUSINESS")) {
      type = "CREDIT";
    }
    return showForm(ApplicationForm.empty(type), Map.of(), null, model);
  }

  @PostMapping("/me/loan-applications")
  String submit(
      @AuthenticationPrincipal AuthenticatedUser user,
      @ModelAttribute ApplicationForm form,
      Locale locale,
      Model model) {
    try {
      ApplicationView view = origination.submit(user.userId(), form, null);
      return "redirect:/me/loan-applications/" + view.applicationId() + "?submitted";
    } catch (ApplicationInvalid e) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldError f : e.errors()) {
        errors.putIfAbsent(
            f.field(), messages.getMessage(f.messageKey(), null, f.detail(), locale));
      }
      return showForm(
          form, errors, messages.getMessage("origination.form.invalid", null, locale), model);
    } catch (ProblemException e) {
      return showForm(
          form, Map.of(), messages.getMessage(e.messageKey(), null, e.getMessage(), locale), model);
    }
  }

  private String showForm(
      ApplicationForm form, Map<String, String> errors, String error, Model model) {
    ProductType type;
    try {
      type = ProductType.valueOf(form.product() == null ? "CREDIT" : form.product());
    } catch (IllegalArgumentException e) {
      type = ProductType.CREDIT;
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
    model.addAttribute("productType", type);
    model.addAttribute("productTypes", ProductType.values());
    model.addAttribute("product", origination.product(type));
    model.addAttribute("purposes", OriginationService.FORM_PURPOSES);
    model.addAttribute("jobs", ApplicantProfile.Job.values());
    model.addAttribute("checkingAccounts", ApplicantProfile.CheckingAccount.values());
    model.addAttribute("housings", ApplicantProfile.Housing.values());
    model.addAttribute("properties", ApplicantProfile.PropertyOwned.values());
    model.addAttribute("otherParties", ApplicantProfile.OtherParty.values());
    return FORM;
  }

  @GetMapping("/me/loan-applications/{id}")
  String detail(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id, Model model) {
    ApplicationView view = origination.application(user.userId(), java.util.Set.of(), id);
    model.addAttribute("app", view);
    model.addAttribute("timeline", origination.timeline(id));
    model.addAttribute("documents", origination.documents(id));
    model.addAttribute("kinds", OriginationService.DOCUMENT_KINDS);
    return DETAIL;
  }

  @PostMapping("/me/loan-applications/{id}/documents")
  String upload(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "OTHER") String kind,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Locale locale,
      RedirectAttributes flash)
      throws IOException {
    try {
      byte[] bytes = file == null ? new byte[0] : file.getBytes();
      String name =
          file == null || file.getOriginalFilename() == null
              ? "document"
              : file.getOriginalFilename();
      origination.uploadDocument(user.userId(), id, kind, name, bytes);
      flash.addFlashAttribute(
          "message", messages.getMessage("origination.document.uploaded", null, locale));
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "error", messages.getMessage(e.messageKey(), null, e.getMessage(), locale));
    }
    return "redirect:/me/loan-applications/" + id;
  }

  @GetMapping("/me/loan-applications/{id}/documents/{documentId}")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @PathVariable UUID documentId) {
    return Downloads.attachment(
        origination.document(user.userId(), java.util.Set.of(), id, documentId));
  }

  @PostMapping("/me/loan-applications/{id}/cancel")
  String cancel(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      Locale locale,
      RedirectAttributes flash) {
    try {
      origination.cancel(user.userId(), id);
      flash.addFlashAttribute(
          "message", messages.getMessage("origination.cancelled", null, locale));
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "error", messages.getMessage(e.messageKey(), null, e.getMessage(), locale));
    }
    return "redirect:/me/loan-applications/" + id;
  }
}
