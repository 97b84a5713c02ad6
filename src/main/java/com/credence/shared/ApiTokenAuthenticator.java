package com.credence.shared;

import java.util.Optional;

/**
 * Turns a bearer token into the caller it was issued to. Implemented by the identity module; used
 * by the API security filter of the web module.
 */
public interface ApiTokenAuthenticator {

  /** The caller, or empty when the token is unknown, expired or revoked. */
  Optional<ApiPrincipal> authenticate(String token);
}
