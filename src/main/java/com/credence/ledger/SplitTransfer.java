package com.credence.ledger;

import java.util.List;

/**
 * A split transfer as stored: its transfer (no credit account, the whole amount debited) and its
 * legs, whose amounts add up to the transfer's.
 */
public record SplitTransfer(Transfer transfer, List<CreateSplitTransfer.Leg> legs) {

  public SplitTransfer {
    legs = List.copyOf(legs);
  }
}
