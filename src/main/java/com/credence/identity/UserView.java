package com.credence.identity;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other modules and screens may know about a user: ids, roles and statuses, the phone only
 * masked.
 */
public record UserView(
    UUID userId,
    String maskedPhone,
    Set<Role> roles,
    KycStatus kycStatus,
    @Nullable String maskedRealName,
    @Nullable RiskLevel riskLevel,
    @Nullable LocalDate riskLevelValidUntil,
    boolean secondFactorEnabled,
    boolean company) {

  public UserView {
    roles = Set.copyOf(roles);
  }

  public boolean isStaff() {
    return roles.stream().anyMatch(Role::isStaff);
  }
}
