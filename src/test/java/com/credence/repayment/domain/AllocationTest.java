package com.credence.repayment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

  private static final List<Allocation.Due> DUES =
      List.of(
          new Allocation.Due(1, 50, 100, 1_000, 10_000),
          new Allocation.Due(2, 0, 100, 900, 10_000));

  @Test
  void paysPenaltyFeeInterestPrincipalOldestFirst() {
    Allocation.Result r = Allocation.allocate(DUES, 1_120);
    assertThat(r.applied()).hasSize(1);
    Allocation.Applied first = r.applied().get(0);
    assertThat(first.penaltyMinor()).isEqualTo(50);
    assertThat(first.feeMinor()).isEqualTo(100);
    assertThat(first.interestMinor()).isEqualTo(970);
    assertThat(first.principalMinor()).isZero();
    assertThat(first.settles()).isFalse();
    assertThat(r.remainderMinor()).isZero();
  }

  @Test
  void settlesTheOldestThenReachesTheNext() {
    Allocation.Result r = Allocation.allocate(DUES, 11_150 + 500);
    assertThat(r.applied()).hasSize(2);
    assertThat(r.applied().get(0).settles()).isTrue();
    assertThat(r.applied().get(0).totalMinor()).isEqualTo(11_150);
    assertThat(r.applied().get(1).feeMinor()).isEqualTo(100);
    assertThat(r.applied().get(1).interestMinor()).isEqualTo(400);
    assertThat(r.applied().get(1).settles()).isFalse();
    assertThat(r.penaltyMinor()).isEqualTo(50);
    assertThat(r.feeMinor()).isEqualTo(200);
    assertThat(r.interestMinor()).isEqualTo(1_400);
    assertThat(r.principalMinor()).isEqualTo(10_000);
  }

  @Test
  void whatIsBeyondEverythingDueIsTheRemainder() {
    Allocation.Result r = Allocation.allocate(DUES, 30_000);
    assertThat(r.applied()).allMatch(Allocation.Applied::settles);
    assertThat(r.remainderMinor()).isEqualTo(30_000 - 11_150 - 11_000);
    assertThat(Allocation.allocate(List.of(), 5).remainderMinor()).isEqualTo(5);
  }

  @Test
  void followsAConfiguredOrder() {
    List<Allocation.Component> principalFirst =
        List.of(
            Allocation.Component.PRINCIPAL,
            Allocation.Component.INTEREST,
            Allocation.Component.FEE,
            Allocation.Component.PENALTY);
    Allocation.Applied a = Allocation.allocate(DUES, 10_500, principalFirst).applied().get(0);
    assertThat(a.principalMinor()).isEqualTo(10_000);
    assertThat(a.interestMinor()).isEqualTo(500);
    assertThat(a.feeMinor()).isZero();
    assertThat(a.penaltyMinor()).isZero();
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> Allocation.allocate(DUES, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Allocation.allocate(DUES, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Allocation.allocate(
                    DUES,
                    1,
                    List.of(
                        Allocation.Component.FEE,
                        Allocation.Component.FEE,
                        Allocation.Component.INTEREST,
                        Allocation.Component.PRINCIPAL)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Allocation.allocate(DUES, 1, List.of(Allocation.Component.FEE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Allocation.Due(1, -1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Allocation.Due(1, 0, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Allocation.Due(1, 0, 0, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Allocation.Due(1, 0, 0, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
