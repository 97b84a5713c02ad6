package com.credence.identity.web;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What the sign-in form sends besides phone and password: the TOTP code, and where it came from.
 */
record LoginDetails(String remoteAddress, @Nullable String totp) implements Serializable {

  @Override
  public String toString() {
    return "LoginDetails[" + remoteAddress + "]";
  }
}
