package com.credence.risk;

/**
 * How many other borrowers share the applicant's phone, bank card, device or address; any match
 * sends the application to manual review (possible fictitious borrower).
 */
public record DuplicateSignals(int samePhone, int sameCard, int sameDevice, int sameAddress) {

  public static DuplicateSignals none() {
    return new DuplicateSignals(0, 0, 0, 0);
  }

  public boolean any() {
    return samePhone + sameCard + sameDevice + sameAddress > 0;
  }
}
