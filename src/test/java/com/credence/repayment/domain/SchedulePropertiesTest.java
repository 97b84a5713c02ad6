package com.credence.repayment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.AnnualRate;
import com.credence.shared.RepaymentMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of every loan the platform may make (seeded, so a failure names its seed): for a
 * random principal, rate up to the legal cap, term of 1 to 36 months, method and set of holdings,
 * the principals add up to the loan, the holders' parts (and the service fee) add up to every
 * installment, nothing is negative; a partial early repayment leaves a schedule with the same
 * properties.
 */
class SchedulePropertiesTest {

  private static final int CAP_BPS = 1200;

  static List<Long> seeds() {
    return new Random(20261125L).longs(300).boxed().toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void schedulesAndHolderPartsAddUpExactly(long seed) {
    Random random = new Random(seed);
    long principal = 100_00 + (long) (random.nextDouble() * 1_000_000_00L);
    int rateBps = random.nextInt(CAP_BPS + 1);
    int term = 1 + random.nextInt(36);
    RepaymentMethod method = RepaymentMethod.values()[random.nextInt(4)];
    LocalDate valueDate = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(800));
    List<Installment> schedule =
        ScheduleCalculator.schedule(
            new LoanTerms(principal, AnnualRate.ofBps(rateBps), term, method, valueDate));

    assertThat(schedule.stream().mapToLong(Installment::principalMinor).sum())
        .as("seed %d: principals add up to the loan", seed)
        .isEqualTo(principal);
    assertThat(schedule)
        .as("seed %d: nothing negative", seed)
        .allMatch(i -> i.principalMinor() >= 0 && i.interestMinor() >= 0);
    assertThat(schedule.get(schedule.size() - 1).closingPrincipalMinor()).isZero();

    long[] weights = weights(random, principal);
    int serviceFeeBps = random.nextInt(2001);
    for (Installment i : schedule) {
      HolderSplit.Parts parts =
          HolderSplit.split(i.principalMinor(), i.interestMinor(), serviceFeeBps, weights);
      assertThat(HolderSplit.sum(parts.principalMinor()))
          .as("seed %d installment %d principal parts", seed, i.number())
          .isEqualTo(i.principalMinor());
      assertThat(HolderSplit.sum(parts.interestMinor()) + parts.serviceFeeMinor())
          .as("seed %d installment %d interest parts", seed, i.number())
          .isEqualTo(i.interestMinor());
      for (int h = 0; h < weights.length; h++) {
        assertThat(parts.principalMinor()[h]).isNotNegative();
        assertThat(parts.interestMinor()[h]).isNotNegative();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aPartialEarlyRepaymentLeavesAnExactSchedule(long seed) {
    Random random = new Random(seed);
    int months = 1 + random.nextInt(36);
    long outstanding = 1_00 + (long) (random.nextDouble() * 500_000_00L);
    RepaymentMethod method = RepaymentMethod.values()[random.nextInt(4)];
    List<LocalDate> dates =
        java.util.stream.IntStream.range(0, months)
            .mapToObj(k -> LocalDate.of(2027, 1, 31).plusMonths(k))
            .toList();
    Reschedule.Mode mode = Reschedule.Mode.values()[random.nextInt(2)];
    long currentPayment = 1 + (long) (random.nextDouble() * outstanding);
    List<Installment> rest =
        Reschedule.remaining(
            outstanding,
            AnnualRate.ofBps(random.nextInt(CAP_BPS + 1)),
            method,
            dates,
            currentPayment,
            mode);
    assertThat(rest.stream().mapToLong(Installment::principalMinor).sum())
        .as("seed %d", seed)
        .isEqualTo(outstanding);
    assertThat(rest.size()).isBetween(1, months);
    assertThat(rest).allMatch(i -> dates.contains(i.dueDate()));
  }

  private static long[] weights(Random random, long principal) {
    int holders = 1 + random.nextInt(120);
    long[] weights = new long[holders];
    long left = principal;
    for (int h = 0; h < holders - 1 && left > 1; h++) {
      weights[h] = 1 + (long) (random.nextDouble() * Math.max(1, left / 2));
      left -= weights[h];
    }
    weights[holders - 1] = Math.max(1, left);
    return weights;
  }
}
