package com.credence.identity;

/** Real-name verification (实名认证) of a user. */
public enum KycStatus {
  /** Nothing submitted yet. */
  NONE,
  /** The identity provider confirmed that name and ID number belong together. */
  VERIFIED,
  /** The last attempt did not match; the user may try again. */
  REJECTED
}
