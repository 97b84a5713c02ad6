package com.credence.identity;

/** What an SMS code may be used for; a code of one purpose never serves another. */
public enum SmsPurpose {
  REGISTER,
  LOGIN,
  RESET_PASSWORD,
  WITHDRAW
}
