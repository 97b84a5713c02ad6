package com.credence.identity.rest;

import com.credence.identity.Role;
import java.util.Set;
import java.util.TreeSet;

/** Small conversions shared by the identity REST controllers. */
final class IdentityRestMapping {

  private IdentityRestMapping() {}

  /** Role names in a stable order. */
  static Set<String> names(Set<Role> roles) {
    Set<String> names = new TreeSet<>();
    roles.forEach(role -> names.add(role.name()));
    return names;
  }
}
