package com.credence.shared;

import java.util.Set;
import java.util.UUID;

/** Who is calling the API, as established from a bearer token. */
public record ApiPrincipal(UUID userId, Set<String> roles) implements AuthenticatedUser {

  public ApiPrincipal {
    roles = Set.copyOf(roles);
  }
}
