package com.credence.bank.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStatusTest {

  @Test
  void finalStatusesNeverChange() {
    for (OrderStatus next : OrderStatus.values()) {
      assertThat(OrderStatus.SUCCEEDED.canBecome(next)).isFalse();
      assertThat(OrderStatus.FAILED.canBecome(next)).isFalse();
    }
  }

  @Test
  void openStatusesMoveOn() {
    assertThat(OrderStatus.PENDING.canBecome(OrderStatus.UNKNOWN)).isTrue();
    assertThat(OrderStatus.PENDING.canBecome(OrderStatus.SUCCEEDED)).isTrue();
    assertThat(OrderStatus.PENDING.canBecome(OrderStatus.FAILED)).isTrue();
    assertThat(OrderStatus.PENDING.canBecome(OrderStatus.PENDING)).isFalse();
    assertThat(OrderStatus.UNKNOWN.canBecome(OrderStatus.PENDING)).isTrue();
    assertThat(OrderStatus.UNKNOWN.canBecome(OrderStatus.SUCCEEDED)).isTrue();
    assertThat(OrderStatus.UNKNOWN.canBecome(OrderStatus.UNKNOWN)).isFalse();
  }

  @Test
  void customersSeeUnknownAsPending() {
    assertThat(OrderStatus.UNKNOWN.publicStatus()).isEqualTo(OrderStatus.PENDING);
    assertThat(OrderStatus.SUCCEEDED.publicStatus()).isEqualTo(OrderStatus.SUCCEEDED);
    assertThat(OrderStatus.UNKNOWN.isFinal()).isFalse();
    assertThat(OrderStatus.FAILED.isFinal()).isTrue();
  }
}
