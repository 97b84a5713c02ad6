package com.credence.repayment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Allocates a payment to what is due: installment by installment, oldest first, and within an
 * installment penalty, then fee, then interest, then principal. What is left after every due
 * installment is the early-repayment part.
 */
public final class Allocation {

  private Allocation() {}

  /** What is still owed on one installment. */
  public record Due(
      int number, long penaltyMinor, long feeMinor, long interestMinor, long principalMinor) {

    public Due {
      if (penaltyMinor < 0 || feeMinor < 0 || interestMinor < 0 || principalMinor < 0) {
        throw new IllegalArgumentException("Negative amount due on installment " + number);
      }
    }

    public long totalMinor() {
      return penaltyMinor + feeMinor + interestMinor + principalMinor;
    }
  }

  /**
   * What a payment pays on one installment.
   *
   * @param settles whether the installment is paid in full with it
   */
  public record Applied(
      int number,
      long penaltyMinor,
      long feeMinor,
      long interestMinor,
      long principalMinor,
      boolean settles) {

    public long totalMinor() {
      return penaltyMinor + feeMinor + interestMinor + principalMinor;
    }
  }

  /**
   * @param applied the installments the payment reaches, oldest first
   * @param remainderMinor what is left after everything due: an early repayment
   */
  public record Result(List<Applied> applied, long remainderMinor) {

    public long penaltyMinor() {
      return applied.stream().mapToLong(Applied::penaltyMinor).sum();
    }

    public long feeMinor() {
      return applied.stream().mapToLong(Applied::feeMinor).sum();
    }

    public long interestMinor() {
      return applied.stream().mapToLong(Applied::interestMinor).sum();
    }

    public long principalMinor() {
      return applied.stream().mapToLong(Applied::principalMinor).sum();
    }
  }

  /** The parts of an installment, in the order a payment reaches them (a setting). */
  public enum Component {
    PENALTY,
    FEE,
    INTEREST,
    PRINCIPAL
  }

  /** The default order: penalty, fee, interest, principal. */
  public static final List<Component> DEFAULT_ORDER =
      List.of(Component.PENALTY, Component.FEE, Component.INTEREST, Component.PRINCIPAL);

  /** Allocates in the default order. */
  public static Result allocate(List<Due> dues, long amountMinor) {
    return allocate(dues, amountMinor, DEFAULT_ORDER);
  }

  /**
   * @param dues what is owed, oldest installment first
   * @param amountMinor the payment, positive
   * @param order the four components, each once, in the order they are paid
   */
  public static Result allocate(List<Due> dues, long amountMinor, List<Component> order) {
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("The payment must be positive");
    }
    if (order.size() != 4 || java.util.EnumSet.copyOf(order).size() != 4) {
      throw new IllegalArgumentException("The order must name each component once: " + order);
    }
    long left = amountMinor;
    List<Applied> applied = new ArrayList<>();
    for (Due due : dues) {
      if (left == 0) {
        break;
      }
      long[] paid = new long[4];
      for (Component c : order) {
        long part = Math.min(left, owed(due, c));
        paid[c.ordinal()] = part;
        left -= part;
      }
      boolean settles = paid[0] + paid[1] + paid[2] + paid[3] == due.totalMinor();
      applied.add(new Applied(due.number(), paid[0], paid[1], paid[2], paid[3], settles));
    }
    return new Result(List.copyOf(applied), left);
  }

  private static long owed(Due due, Component component) {
    return switch (component) {
      case PENALTY -> due.penaltyMinor();
      case FEE -> due.feeMinor();
      case INTEREST -> due.interestMinor();
      case PRINCIPAL -> due.principalMinor();
    };
  }
}
