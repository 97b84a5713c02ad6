package com.credence.ledger;

import java.util.EnumSet;
import java.util.Set;

/** Balance constraints of an account, stored as bits. */
public enum AccountFlag {
  /** Debits (posted and pending) never exceed posted credits: the account never goes negative. */
  DEBITS_MUST_NOT_EXCEED_CREDITS(1),
  /** Credits (posted and pending) never exceed posted debits: for debit-normal accounts. */
  CREDITS_MUST_NOT_EXCEED_DEBITS(2);

  private final int bit;

  AccountFlag(int bit) {
    this.bit = bit;
  }

  public int bit() {
    return bit;
  }

  public static int toBits(Set<AccountFlag> flags) {
    int bits = 0;
    for (AccountFlag flag : flags) {
      bits |= flag.bit;
    }
    return bits;
  }

  public static Set<AccountFlag> fromBits(int bits) {
    EnumSet<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
    for (AccountFlag flag : values()) {
      if ((bits & flag.bit) != 0) {
        flags.add(flag);
      }
    }
    return flags;
  }
}
