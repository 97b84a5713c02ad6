package com.credence.identity.domain;

/**
 * The identity provider (the public security bureau's citizen registry, through a licensed
 * verification service): does this name belong to this ID number?
 */
public interface IdentityRegistry {

  /** The registry's answer. */
  enum Answer {
    MATCH,
    NO_MATCH
  }

  /** The registry did not answer in time or answered with an error; nothing is known. */
  final class UnavailableException extends RuntimeException {
    public UnavailableException(String message) {
      super(message);
    }
  }

  /**
   * @throws UnavailableException on timeout or failure
   */
  Answer verify(String realName, String idNumber);
}
