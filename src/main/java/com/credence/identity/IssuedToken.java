package com.credence.identity;

/** A new bearer token, shown to the client once; only its hash is stored. */
public record IssuedToken(String accessToken, long expiresInSeconds) {

  @Override
  public String toString() {
    return "IssuedToken[expiresInSeconds=" + expiresInSeconds + "]";
  }
}
