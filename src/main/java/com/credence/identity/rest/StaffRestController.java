package com.credence.identity.rest;

import com.credence.identity.IdentityService;
import com.credence.identity.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts, created by the admin ("Staff bootstrap" in API.md). */
@RestController
class StaffRestController {

  private final IdentityService identity;

  StaffRestController(IdentityService identity) {
    this.identity = identity;
  }

  record StaffRequest(
      @NotBlank
          @Pattern(
              regexp = AuthRestController.PHONE,
              message = "must be a mainland mobile number of 11 digits")
          String phone,
      @NotBlank @Size(max = 64) String password,
      @NotNull
          @Pattern(
              regexp = "RISK_OFFICER|OPERATOR|AUDITOR",
              message = "must be RISK_OFFICER, OPERATOR or AUDITOR")
          String role) {

    @Override
    public String toString() {
      return "StaffRequest[role=" + role + "]";
    }
  }

  record StaffCreated(UUID userId, String role) {}

  @PostMapping("/api/v1/admin/staff")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  StaffCreated create(@Valid @RequestBody StaffRequest body) {
    return new StaffCreated(
        identity.createStaff(body.phone(), body.password(), Role.valueOf(body.role())),
        body.role());
  }
}
