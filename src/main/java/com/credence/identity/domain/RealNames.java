package com.credence.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Verified real names and ID numbers (encrypted), and the log of verification attempts. */
public interface RealNames {

  /** A verified identity in clear. */
  record RealName(String realName, String idNumber, LocalDate birthDate) {
    @Override
    public String toString() {
      return "RealName[" + Masking.name(realName) + ", " + Masking.idNumber(idNumber) + "]";
    }
  }

  /**
   * @throws IdNumberTakenException when another user verified this ID number
   */
  void insertVerified(
      UUID userId, String realName, String idNumber, LocalDate birthDate, Instant now);

  Optional<RealName> find(UUID userId);

  boolean isIdNumberTaken(String idNumber);

  void recordAttempt(UUID id, UUID userId, String idNumber, String outcome, Instant now);

  int attemptsSince(UUID userId, Instant since);

  /** The ID number belongs to another account. */
  final class IdNumberTakenException extends RuntimeException {
    public IdNumberTakenException() {
      super("ID number already verified for another account");
    }
  }
}
