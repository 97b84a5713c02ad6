package com.credence.identity.domain;

import com.credence.identity.KycStatus;
import com.credence.identity.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user account as stored, with the phone decrypted. Never leaves the identity module. */
public record UserAccount(
    UUID id,
    String phone,
    Set<Role> roles,
    String passwordHash,
    int failedLogins,
    @Nullable Instant lockedUntil,
    boolean totpEnabled,
    byte @Nullable [] totpSecret,
    byte @Nullable [] pendingTotpSecret,
    long totpLastStep,
    KycStatus kycStatus,
    Instant createdAt) {

  public UserAccount {
    roles = Set.copyOf(roles);
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public boolean isStaff() {
    return roles.stream().anyMatch(Role::isStaff);
  }

  @Override
  public String toString() {
    return "UserAccount[id=" + id + ", phone=" + Masking.phone(phone) + ", roles=" + roles + "]";
  }
}
