package com.credence.identity.domain;

import com.credence.identity.KycStatus;
import com.credence.identity.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The user accounts. Implementations encrypt the phone and look it up by its keyed hash. */
public interface Users {

  Optional<UserAccount> findById(UUID id);

  Optional<UserAccount> findByPhone(String phone);

  boolean existsByPhone(String phone);

  /**
   * @throws DuplicatePhoneException when the phone is already registered
   */
  void insert(UUID id, String phone, Set<Role> roles, String passwordHash, Instant now);

  /**
   * Counts a failed login; at {@code maxFailures} the account locks until {@code lockUntil} and the
   * count starts again. Returns true when this failure locked the account.
   */
  boolean recordLoginFailure(UUID id, int maxFailures, Instant lockUntil);

  void recordLoginSuccess(UUID id);

  /** Sets a new password hash and lifts any lock. */
  void changePassword(UUID id, String passwordHash);

  void storePendingTotpSecret(UUID id, byte[] secret);

  /** Turns TOTP on with the pending secret; false when there is none. */
  boolean enableTotp(UUID id, long usedStep);

  /** Records a used TOTP step; false when it (or a later one) was used already: a replay. */
  boolean useTotpStep(UUID id, long step);

  void setKycStatus(UUID id, KycStatus status);

  void addRole(UUID id, Role role);

  /** The phone is already registered. */
  final class DuplicatePhoneException extends RuntimeException {
    public DuplicatePhoneException() {
      super("Phone already registered");
    }
  }
}
