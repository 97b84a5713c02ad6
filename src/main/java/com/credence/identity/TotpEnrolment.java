package com.credence.identity;

/** A started second-factor enrolment: the secret in base32 and the otpauth URI for the QR code. */
public record TotpEnrolment(String secret, String otpauthUri) {

  @Override
  public String toString() {
    return "TotpEnrolment[***]";
  }
}
