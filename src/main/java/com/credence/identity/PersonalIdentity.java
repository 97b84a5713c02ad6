package com.credence.identity;

import java.util.UUID;

/**
 * A verified person's identity in clear, for the custodian bank's account opening (四要素) only. Never
 * log it or put it on a screen; use the masked forms for that.
 */
public record PersonalIdentity(UUID userId, String realName, String idNumber, String phone) {

  @Override
  public String toString() {
    return "PersonalIdentity[userId=" + userId + ", masked]";
  }
}
