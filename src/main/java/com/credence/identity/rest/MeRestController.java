package com.credence.identity.rest;

import com.credence.identity.CompanyView;
import com.credence.identity.IdentityService;
import com.credence.identity.KycStatus;
import com.credence.identity.RiskAssessmentResult;
import com.credence.identity.RiskLevel;
import com.credence.identity.TotpEnrolment;
import com.credence.identity.UserView;
import com.credence.shared.AuthenticatedUser;
import com.credence.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own identity data: profile, real name, questionnaire, second factor. */
@RestController
@RequestMapping("/api/v1/me")
class MeRestController {

  private final IdentityService identity;

  MeRestController(IdentityService identity) {
    this.identity = identity;
  }

  record Me(
      UUID userId,
      String phone,
      Set<String> roles,
      KycStatus kycStatus,
      @Nullable RiskLevel riskLevel,
      @Nullable LocalDate riskLevelValidUntil,
      @Nullable String realName,
      boolean secondFactorEnabled,
      boolean company) {}

  @GetMapping
  Me me(@AuthenticationPrincipal AuthenticatedUser user) {
    UserView view =
        identity.findUser(user.userId()).orElseThrow(() -> ProblemException.notFound("User"));
    return new Me(
        view.userId(),
        view.maskedPhone(),
        IdentityRestMapping.names(view.roles()),
        view.kycStatus(),
        view.riskLevel(),
        view.riskLevelValidUntil(),
        view.maskedRealName(),
        view.secondFactorEnabled(),
        view.company());
  }

  record RoleRequest(
      @NotNull
          @jakarta.validation.constraints.Pattern(
              regexp = "INVESTOR|BORROWER",
              message = "must be INVESTOR or BORROWER")
          String role) {}

  record Roles(Set<String> roles) {}

  /** Adds INVESTOR or BORROWER to the caller's roles (a user may hold both). */
  @PostMapping("/roles")
  Roles addRole(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody RoleRequest body) {
    return new Roles(
        IdentityRestMapping.names(
            identity.addSelfServiceRole(
                user.userId(), com.credence.identity.Role.valueOf(body.role()))));
  }

  record IdentityRequest(
      @NotBlank @Size(max = 60) String realName, @NotBlank @Size(max = 18) String idNumber) {
    @Override
    public String toString() {
      return "IdentityRequest[***]";
    }
  }

  record KycAnswer(KycStatus kycStatus, @Nullable String code) {}

  @PostMapping("/identity")
  KycAnswer identity(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody IdentityRequest body) {
    KycStatus status = identity.verifyIdentity(user.userId(), body.realName(), body.idNumber());
    return new KycAnswer(status, status == KycStatus.REJECTED ? "KYC_REJECTED" : null);
  }

  record CompanyRequest(
      @NotBlank @Size(max = 200) String companyName,
      @NotBlank @Size(max = 18) String creditCode,
      @NotBlank @Size(max = 60) String legalRepName,
      @NotBlank @Size(max = 18) String legalRepIdNumber) {
    @Override
    public String toString() {
      return "CompanyRequest[" + creditCode + "]";
    }
  }

  @PostMapping("/company")
  @ResponseStatus(HttpStatus.CREATED)
  CompanyView company(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody CompanyRequest body) {
    return identity.registerCompany(
        user.userId(),
        body.companyName(),
        body.creditCode(),
        body.legalRepName(),
        body.legalRepIdNumber());
  }

  record RiskAssessmentRequest(@NotNull @Size(min = 1, max = 50) List<@NotNull Integer> answers) {}

  record RiskAssessmentAnswer(RiskLevel riskLevel, LocalDate validUntil, int score) {}

  @PostMapping("/risk-assessment")
  RiskAssessmentAnswer riskAssessment(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody RiskAssessmentRequest body) {
    RiskAssessmentResult result = identity.submitRiskAssessment(user.userId(), body.answers());
    return new RiskAssessmentAnswer(result.riskLevel(), result.validUntil(), result.score());
  }

  @PostMapping("/totp")
  TotpEnrolment startTotp(@AuthenticationPrincipal AuthenticatedUser user) {
    return identity.startTotpEnrolment(user.userId());
  }

  record TotpConfirmation(@NotBlank @Size(max = 10) String code) {}

  record SecondFactor(boolean secondFactorEnabled) {}

  @PostMapping("/totp/confirm")
  SecondFactor confirmTotp(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody TotpConfirmation body) {
    identity.confirmTotp(user.userId(), body.code());
    return new SecondFactor(true);
  }
}
