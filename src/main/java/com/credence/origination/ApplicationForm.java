package com.credence.origination;

import org.jspecify.annotations.Nullable;

/**
 * A borrower's application as typed (API or page): text fields, checked and parsed by {@link
 * OriginationService#submit}, which reports every invalid field at once.
 *
 * @param employmentMonths months with the current employer; blank when not employed
 * @param savings savings and deposits in yuan; blank when not declared
 * @param address the home (or registered) address; kept only as a hash for duplicate checks
 */
public record ApplicationForm(
    @Nullable String product,
    @Nullable String amount,
    @Nullable String termMonths,
    @Nullable String repaymentMethod,
    @Nullable String purpose,
    @Nullable String monthlyIncome,
    @Nullable String monthlyDebtPayments,
    @Nullable String savings,
    @Nullable String employmentMonths,
    @Nullable String job,
    @Nullable String checkingAccount,
    @Nullable String housing,
    @Nullable String property,
    @Nullable String otherParty,
    @Nullable String address,
    @Nullable String vin,
    @Nullable String plate,
    @Nullable String estimatedValue,
    @Nullable String registrationCertificate,
    @Nullable String creditCode,
    @Nullable String annualRevenue,
    @Nullable String legalRepresentative) {

  /** An empty form (the page's starting point). */
  public static ApplicationForm empty(String product) {
    return new ApplicationForm(
        product, null, null, null, null, null, "0", null, null, null, null, null, null, "NONE",
        null, null, null, null, null, null, null, null);
  }

  @Override
  public String toString() {
    return "ApplicationForm[product=" + product + ", amount=" + amount + ", masked]";
  }
}
