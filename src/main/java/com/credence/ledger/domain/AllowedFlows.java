package com.credence.ledger.domain;

import static com.credence.ledger.AccountKind.BANK_SETTLEMENT;
import static com.credence.ledger.AccountKind.BORROWER_FUNDS;
import static com.credence.ledger.AccountKind.INVESTOR_FUNDS;
import static com.credence.ledger.AccountKind.LOAN_ESCROW;
import static com.credence.ledger.AccountKind.PLATFORM_FEE_INCOME;

import com.credence.ledger.AccountKind;
import com.credence.ledger.TransferCode;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which account kind may pay which, and why (DESIGN.md "No fund pool"): investor money moves only
 * investor -> loan -> borrower and borrower -> loan -> investors; the platform's own account
 * receives only fees. Money enters and leaves only through the bank settlement account. A {@link
 * TransferCode#REVERSAL} is allowed exactly along the reverse of an allowed flow.
 */
public final class AllowedFlows {

  /** One row of the table: debit kind -> credit kind, for these reasons. */
  public record Flow(AccountKind debit, AccountKind credit, TransferCode code) {}

  private static final List<Flow> TABLE =
      List.of(
          new Flow(BANK_SETTLEMENT, INVESTOR_FUNDS, TransferCode.DEPOSIT),
          new Flow(BANK_SETTLEMENT, BORROWER_FUNDS, TransferCode.DEPOSIT),
          new Flow(INVESTOR_FUNDS, BANK_SETTLEMENT, TransferCode.WITHDRAWAL),
          new Flow(BORROWER_FUNDS, BANK_SETTLEMENT, TransferCode.WITHDRAWAL),
          new Flow(PLATFORM_FEE_INCOME, BANK_SETTLEMENT, TransferCode.WITHDRAWAL),
          new Flow(INVESTOR_FUNDS, LOAN_ESCROW, TransferCode.INVESTMENT),
          new Flow(LOAN_ESCROW, INVESTOR_FUNDS, TransferCode.REFUND),
          new Flow(LOAN_ESCROW, BORROWER_FUNDS, TransferCode.DISBURSEMENT),
          new Flow(BORROWER_FUNDS, LOAN_ESCROW, TransferCode.REPAYMENT),
          new Flow(LOAN_ESCROW, INVESTOR_FUNDS, TransferCode.DISTRIBUTION),
          new Flow(LOAN_ESCROW, PLATFORM_FEE_INCOME, TransferCode.FEE),
          new Flow(BORROWER_FUNDS, PLATFORM_FEE_INCOME, TransferCode.FEE),
          new Flow(INVESTOR_FUNDS, PLATFORM_FEE_INCOME, TransferCode.FEE),
          new Flow(INVESTOR_FUNDS, INVESTOR_FUNDS, TransferCode.RESALE));

  private static final Map<AccountKind, Map<AccountKind, Set<TransferCode>>> ALLOWED = index();

  private AllowedFlows() {}

  /** The table without reversals, in a stable order (for documentation and tests). */
  public static List<Flow> table() {
    return TABLE;
  }

  public static boolean allows(AccountKind debit, AccountKind credit, TransferCode code) {
    return ALLOWED.get(debit).get(credit).contains(code);
  }

  private static Map<AccountKind, Map<AccountKind, Set<TransferCode>>> index() {
    Map<AccountKind, Map<AccountKind, Set<TransferCode>>> index = new EnumMap<>(AccountKind.class);
    for (AccountKind debit : AccountKind.values()) {
      Map<AccountKind, Set<TransferCode>> row = new EnumMap<>(AccountKind.class);
      for (AccountKind credit : AccountKind.values()) {
        row.put(credit, EnumSet.noneOf(TransferCode.class));
      }
      index.put(debit, row);
    }
    for (Flow flow : TABLE) {
      index.get(flow.debit()).get(flow.credit()).add(flow.code());
      index.get(flow.credit()).get(flow.debit()).add(TransferCode.REVERSAL);
    }
    return index;
  }
}
