package com.credence.identity.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Company borrowers: credit code and legal representative (encrypted). */
public interface Companies {

  /** A company registration in clear. */
  record Company(
      UUID userId,
      String companyName,
      String creditCode,
      String legalRepName,
      String legalRepIdNumber) {
    @Override
    public String toString() {
      return "Company[" + creditCode + ", " + Masking.name(legalRepName) + "]";
    }
  }

  /**
   * @throws CreditCodeTakenException when the code is registered already
   */
  void insert(Company company, Instant now);

  Optional<Company> find(UUID userId);

  /** The credit code is registered to another account. */
  final class CreditCodeTakenException extends RuntimeException {
    public CreditCodeTakenException() {
      super("Credit code already registered");
    }
  }
}
