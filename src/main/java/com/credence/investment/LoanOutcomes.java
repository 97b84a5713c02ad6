package com.credence.investment;

import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the repayment module tells investment about a disbursed loan: its listing follows the loan's
 * status, and a settled loan releases its collateral.
 */
@Service
public class LoanOutcomes {

  /**
   * The loan is now {@code status} (one of REPAYING, SETTLED, DEFAULTED); idempotent.
   *
   * @throws IllegalArgumentException for any other status
   */
  public void loanStatusChanged(UUID loanId, ListingStatus status) {
    // filled in by the investment work
  }
}
