package com.credence.repayment;

import com.credence.investment.HoldingFigures;
import com.credence.repayment.persistence.RepaymentStore;
import com.credence.repayment.persistence.RepaymentStore.HolderPartRow;
import com.credence.shared.Money;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Investment's view of the holders' schedules: what each holding has received and still expects. A
 * holding's outstanding principal is the sum of its unpaid principal parts (what it will receive),
 * which can differ by a few fen from its principal because every installment is split by largest
 * remainder on its own.
 */
@Component
class RepaymentHoldingFigures implements HoldingFigures {

  static final int MONTHS_MAX = 120;

  private final RepaymentStore store;

  RepaymentHoldingFigures(RepaymentStore store) {
    this.store = store;
  }

  @Override
  public Map<UUID, Figures> figures(Collection<UUID> holdingIds) {
    Map<UUID, long[]> sums = new HashMap<>();
    if (holdingIds.isEmpty()) {
      return Map.of();
    }
    for (HolderPartRow p : store.partsOfHoldings(holdingIds)) {
      long[] s = sums.computeIfAbsent(p.holdingId(), k -> new long[4]);
      if (p.paidOn() == null) {
        s[0] += p.principalMinor();
      } else {
        s[1] += p.principalMinor();
        s[2] += p.interestMinor();
        s[3] += p.penaltyMinor();
      }
    }
    Map<UUID, Figures> result = new LinkedHashMap<>();
    sums.forEach(
        (id, s) ->
            result.put(
                id,
                new Figures(Money.cny(s[0]), Money.cny(s[1]), Money.cny(s[2]), Money.cny(s[3]))));
    return result;
  }

  @Override
  public List<MonthFlows> monthlyCashFlows(UUID investorId, YearMonth from, int months) {
    int count = Math.max(0, Math.min(months, MONTHS_MAX));
    if (count == 0) {
      return List.of();
    }
    YearMonth to = from.plusMonths(count - 1L);
    Map<YearMonth, long[]> byMonth = new LinkedHashMap<>();
    for (int m = 0; m < count; m++) {
      byMonth.put(from.plusMonths(m), new long[4]);
    }
    for (HolderPartRow p : store.partsOfInvestor(investorId, from.atDay(1), to.atEndOfMonth())) {
      long[] expected = byMonth.get(YearMonth.from(p.dueDate()));
      if (expected != null) {
        expected[0] += p.principalMinor();
        expected[1] += p.interestMinor();
      }
      if (p.paidOn() != null) {
        long[] received = byMonth.get(YearMonth.from(p.paidOn()));
        if (received != null) {
          received[2] += p.principalMinor();
          received[3] += p.interestMinor() + p.penaltyMinor();
        }
      }
    }
    List<MonthFlows> result = new ArrayList<>(count);
    byMonth.forEach(
        (month, s) ->
            result.add(
                new MonthFlows(
                    month, Money.cny(s[0]), Money.cny(s[1]), Money.cny(s[2]), Money.cny(s[3]))));
    return result;
  }
}
