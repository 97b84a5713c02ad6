package com.credence.risk;

/**
 * The credit bureau port. The simulated bureau answers inside the app; a real bureau is another
 * adapter behind this interface.
 */
public interface CreditBureau {

  /**
   * The report on a person's ID number or a company's unified social credit code.
   *
   * @throws BureauUnavailable when the bureau is down or too slow; nothing is approved without it
   */
  BureauReport report(String subjectId);
}
