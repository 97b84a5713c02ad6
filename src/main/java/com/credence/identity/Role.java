package com.credence.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do on the platform. A user may hold several roles (investor and borrower). */
public enum Role {
  INVESTOR,
  BORROWER,
  RISK_OFFICER,
  OPERATOR,
  AUDITOR,
  ADMIN;

  /** Roles a person chooses at registration. */
  public static final Set<Role> SELF_SERVICE = EnumSet.of(INVESTOR, BORROWER);

  /** Roles the admin gives to staff; staff must use a second factor. */
  public static final Set<Role> STAFF_CREATED_BY_ADMIN =
      EnumSet.of(RISK_OFFICER, OPERATOR, AUDITOR);

  public boolean isStaff() {
    return this == RISK_OFFICER || this == OPERATOR || this == AUDITOR || this == ADMIN;
  }
}
