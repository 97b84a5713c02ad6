package com.credence.risk.rest;

import com.credence.risk.RiskService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The related-party register, kept by the admin: their applications are refused. */
@RestController
class RelatedPartyRestController {

  private final RiskService risk;

  RelatedPartyRestController(RiskService risk) {
    this.risk = risk;
  }

  record RelatedPartyRequest(
      @NotBlank
          @Pattern(
              regexp = "[0-9]{17}[0-9Xx]|[0-9A-HJ-NPQRTUWXY]{18}",
              message = "must be an ID number or a unified social credit code of 18 characters")
          String subjectId,
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Size(max = 200) String relation) {

    @Override
    public String toString() {
      return "RelatedPartyRequest[relation=" + relation + "]";
    }
  }

  record RelatedPartyAdded(boolean added) {}

  @PostMapping("/api/v1/admin/related-parties")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<RelatedPartyAdded> add(@Valid @RequestBody RelatedPartyRequest body) {
    boolean added = risk.addRelatedParty(body.subjectId(), body.name(), body.relation());
    return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new RelatedPartyAdded(added));
  }
}
