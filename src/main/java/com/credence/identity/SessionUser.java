package com.credence.identity;

import com.credence.shared.AuthenticatedUser;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** The principal of a page session: who signed in, with the phone only masked. */
public record SessionUser(UUID userId, Set<String> roles, String maskedPhone)
    implements AuthenticatedUser, Serializable {

  public SessionUser {
    roles = Set.copyOf(roles);
  }
}
