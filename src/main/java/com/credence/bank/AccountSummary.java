package com.credence.bank;

import com.credence.shared.Money;

/** A user's money at the custodian bank as the ledger holds it. */
public record AccountSummary(Money available, Money frozen, Money total) {}
