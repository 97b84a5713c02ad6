package com.credence.bank.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The custodian bank as the platform sees it. The simulated bank implements it by default; a real
 * bank is another implementation behind the same interface. Answers about money (deposits,
 * withdrawals) arrive later as signed callbacks; {@link #query} asks for one order's outcome.
 */
public interface CustodianBank {

  /**
   * Opens the custody sub-account of a customer with the four elements (name, ID number, card
   * number, the card's reserved phone), binding that card. Idempotent per customer.
   */
  OpenedAccount openAccount(UUID customerRef, FourElements elements);

  /** Binds another card of the holder to an open sub-account. */
  CardBinding bindCard(String accountNo, String cardNumber, String reservedPhone);

  void unbindCard(String accountNo, String bindingRef);

  /**
   * Hands an instruction to the bank. The user then confirms it on the bank's page (transaction
   * password), whose address is answered here.
   *
   * @throws BankUnavailableException the bank refused the connection: it has not got the order
   * @throws BankTimeoutException no answer in time: the bank may or may not have the order
   */
  String submit(Instruction instruction);

  /** What the bank knows of an order now. */
  OrderOutcome query(UUID orderId);

  /**
   * The statement of one business date: every movement and every sub-account's balance, and the
   * position of the last transfer batch applied, all as of one moment.
   */
  Statement statement(LocalDate businessDate);

  /**
   * Opens (idempotently) the custody account that mirrors one of the platform's own ledger
   * accounts: a loan's escrow or the platform's fee income.
   */
  String openLedgerAccount(UUID ledgerAccountId, String purpose);

  /** Where the bank's chain of transfer batches ends: the next batch must start here. */
  BatchPosition lastBatchPosition();

  /**
   * Executes a batch of transfers between custody accounts (资金划转指令), line by line in order. A line
   * that names an account the bank does not hold, or that would take an account below zero, is
   * rejected alone and answered; the others are executed. The bank takes batches as a chain: a
   * batch is executed only when it starts where the last one ended, so a batch sent twice, or by
   * two senders, is executed once.
   */
  BatchAnswer transfer(TransferBatch batch);

  /** A position in the platform's custody feed, as the bank keeps it. */
  record BatchPosition(long xact, long seq) {
    public static final BatchPosition START = new BatchPosition(0, 0);
  }

  /** One transfer of a batch. */
  record TransferLine(
      String reference, String fromAccountNo, String toAccountNo, long amountMinor) {}

  /** Transfers that move the chain from one position to the next. */
  record TransferBatch(
      UUID batchId, BatchPosition from, BatchPosition to, List<TransferLine> lines) {
    public TransferBatch {
      lines = List.copyOf(lines);
    }
  }

  /** What the bank did with a batch. */
  enum BatchResult {
    EXECUTED,
    /** The chain is elsewhere (the batch was executed before, or another sender went first). */
    OUT_OF_SEQUENCE
  }

  /** The bank's answer to a batch: the references of the lines it rejected, with the reason. */
  record BatchAnswer(BatchResult result, Map<String, String> rejected) {
    public BatchAnswer {
      rejected = Map.copyOf(rejected);
    }
  }

  /** The four elements (四要素) of account opening. */
  record FourElements(String name, String idNumber, String cardNumber, String reservedPhone) {
    @Override
    public String toString() {
      return "FourElements[masked]";
    }
  }

  record OpenedAccount(String accountNo, CardBinding card) {}

  record CardBinding(String bindingRef, String bankName, String last4) {}

  record Instruction(
      UUID orderId, OrderKind kind, String accountNo, String bindingRef, long amountMinor) {}

  /** The bank's view of one order. */
  enum OrderOutcome {
    /** Waiting for the customer's confirmation or being processed. */
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    /** The bank never received the order. */
    NOT_FOUND
  }

  record StatementLine(String reference, OrderKind kind, String accountNo, long amountMinor) {}

  record AccountBalance(String accountNo, long balanceMinor) {}

  record Statement(
      LocalDate businessDate,
      List<StatementLine> lines,
      List<AccountBalance> balances,
      BatchPosition position) {
    public Statement {
      lines = List.copyOf(lines);
      balances = List.copyOf(balances);
    }
  }
}
