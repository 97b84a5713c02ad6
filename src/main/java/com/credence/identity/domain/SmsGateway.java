package com.credence.identity.domain;

import com.credence.identity.SmsPurpose;

/**
 * Sends text messages. The simulated gateway keeps them for demos and tests; a real gateway is
 * another implementation of this port.
 */
public interface SmsGateway {

  /** Sends a code; the phone is in clear here and must never be logged. */
  void send(String phone, SmsPurpose purpose, String code, String text);
}
