package com.credence.origination;

import com.credence.origination.domain.ApplicationStatus;
import com.credence.shared.AnnualRate;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application as the borrower and staff see it. Personal fields only masked.
 *
 * @param refusalCodes the codes of the rules (or the officer) that refused it, when REJECTED
 * @param makerId the officer who approved first, while a second approval is awaited
 */
public record ApplicationView(
    UUID applicationId,
    UUID borrowerId,
    ProductType product,
    ApplicationStatus status,
    Money amount,
    int termMonths,
    RepaymentMethod repaymentMethod,
    String purpose,
    @Nullable String maskedVin,
    @Nullable String maskedPlate,
    @Nullable Money estimatedValue,
    boolean collateralPledged,
    @Nullable String creditCode,
    @Nullable String maskedLegalRepresentative,
    @Nullable String grade,
    @Nullable Integer score,
    List<String> refusalCodes,
    @Nullable UUID makerId,
    @Nullable AnnualRate makerRate,
    @Nullable AnnualRate approvedRate,
    @Nullable UUID listingId,
    @Nullable StoredRiskReport riskReport,
    Instant createdAt,
    Instant updatedAt) {

  public ApplicationView {
    refusalCodes = List.copyOf(refusalCodes);
  }

  /** One step of the status timeline. */
  public record Step(ApplicationStatus status, @Nullable String note, Instant at) {}

  /** A review decision (audit). */
  public record ReviewDecision(
      UUID officerId,
      String decision,
      String comment,
      @Nullable AnnualRate annualRate,
      Instant at) {}

  /** A document's facts, never its content. */
  public record Document(
      UUID documentId,
      String kind,
      String fileName,
      String contentType,
      int sizeBytes,
      Instant at) {}
}
