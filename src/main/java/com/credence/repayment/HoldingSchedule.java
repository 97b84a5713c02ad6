package com.credence.repayment;

import com.credence.shared.Money;
import java.util.List;
import java.util.UUID;

/**
 * One holding and its part of every installment of its loan, oldest first: what its investor has
 * received and what is still expected (interest after the service fee, penalties included).
 */
public record HoldingSchedule(
    UUID holdingId, LoanView loan, Money principal, List<CashFlowView> parts) {

  public HoldingSchedule {
    parts = List.copyOf(parts);
  }

  /** Principal, interest and penalties received so far. */
  public Money received() {
    return sum("RECEIVED");
  }

  /** Principal, interest and penalties still expected. */
  public Money expected() {
    return sum("EXPECTED");
  }

  private Money sum(String status) {
    Money total = Money.cny(0);
    for (CashFlowView p : parts) {
      if (status.equals(p.status())) {
        total = total.plus(p.principal()).plus(p.interest()).plus(p.penalty());
      }
    }
    return total;
  }
}
