package com.credence.bank;

import com.credence.bank.domain.BankOrder;
import com.credence.bank.domain.BankTimeoutException;
import com.credence.bank.domain.BankUnavailableException;
import com.credence.bank.domain.BoundCard;
import com.credence.bank.domain.CallbackSignature;
import com.credence.bank.domain.Cards;
import com.credence.bank.domain.CustodianBank;
import com.credence.bank.domain.OrderKind;
import com.credence.bank.domain.OrderStatus;
import com.credence.bank.domain.WithdrawalLimit;
import com.credence.bank.persistence.BankStore;
import com.credence.identity.IdentityService;
import com.credence.identity.PersonalIdentity;
import com.credence.identity.Role;
import com.credence.identity.SmsPurpose;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.Balance;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Currency;
import com.credence.shared.Ids;
import com.credence.shared.InvalidAmountException;
import com.credence.shared.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custodian bank's side of the platform: sub-accounts, cards, deposit and withdrawal orders,
 * the bank's signed callbacks and the janitor for unknown outcomes. Money moves only as ledger
 * transfers between the bank settlement account and the user's funds account:
 *
 * <ul>
 *   <li>deposit succeeded: BANK_SETTLEMENT -> funds, DEPOSIT (single phase); failed: nothing;
 *   <li>withdrawal placed: funds -> BANK_SETTLEMENT, WITHDRAWAL, pending (the freeze); succeeded:
 *       post it; failed: void it.
 * </ul>
 *
 * Each order settles at most once: a conditional status update decides the winner, and the ledger
 * transfer ids are fixed when the order is created.
 */
@Service
public class BankService {

  private static final Logger log = LoggerFactory.getLogger(BankService.class);
  private static final int KEY_LENGTH_MAX = 64;
  private static final int ORDER_LIST_MAX = 200;

  private final BankStore store;
  private final CustodianBank bank;
  private final LedgerService ledger;
  private final IdentityService identity;
  private final CallbackSignature signature;
  private final BankProperties properties;
  private final WithdrawalLimit limit;
  private final JsonMapper json;
  private final Clock clock;
  private final TransactionTemplate tx;

  private final CustodyInstructions custody;

  BankService(
      BankStore store,
      CustodianBank bank,
      LedgerService ledger,
      IdentityService identity,
      CallbackSignature signature,
      BankProperties properties,
      JsonMapper json,
      Clock clock,
      PlatformTransactionManager transactions,
      CustodyInstructions custody) {
    this.custody = custody;
    this.store = store;
    this.bank = bank;
    this.ledger = ledger;
    this.identity = identity;
    this.signature = signature;
    this.properties = properties;
    this.limit =
        new WithdrawalLimit(Money.parseCny(properties.withdrawalDailyLimit()).amountMinor());
    this.json = json;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  // ---- account and cards

  /** Available, frozen and total of the user's funds account (zero before the first deposit). */
  public AccountSummary account(UUID userId) {
    long available = 0;
    long frozen = 0;
    long total = 0;
    for (Balance b : ledger.balancesOf(userId)) {
      if (b.kind() == AccountKind.INVESTOR_FUNDS || b.kind() == AccountKind.BORROWER_FUNDS) {
        available += b.availableMinor();
        frozen += b.frozenMinor();
        total += b.totalMinor();
      }
    }
    return new AccountSummary(Money.cny(available), Money.cny(frozen), Money.cny(total));
  }

  /**
   * Binds a card; the first card also opens the custody sub-account with the four elements.
   * Requires a verified real name.
   */
  public CardView bindCard(UUID userId, String cardNumberText, String reservedPhone) {
    String cardNumber =
        Cards.normalize(cardNumberText)
            .orElseThrow(
                () -> BankProblems.of(400, "CARD_NUMBER_INVALID", "Not a valid card number"));
    if (!reservedPhone.matches("1[3-9][0-9]{9}")) {
      throw BankProblems.of(400, "PHONE_INVALID", "Not a mainland mobile number");
    }
    if (!identity.isKycVerified(userId)) {
      throw BankProblems.kycRequired();
    }
    PersonalIdentity person =
        identity.personalIdentity(userId).orElseThrow(BankProblems::kycRequired);
    Optional<String> accountNo = store.subAccount(userId);
    CustodianBank.CardBinding binding;
    if (accountNo.isEmpty()) {
      CustodianBank.OpenedAccount opened =
          bank.openAccount(
              userId,
              new CustodianBank.FourElements(
                  person.realName(), person.idNumber(), cardNumber, reservedPhone));
      store.insertSubAccount(userId, opened.accountNo(), clock.instant());
      binding = opened.card();
    } else {
      binding = bank.bindCard(accountNo.get(), cardNumber, reservedPhone);
    }
    Optional<BoundCard> existing = store.cardByBinding(userId, binding.bindingRef());
    if (existing.isPresent()) {
      return view(existing.get());
    }
    BoundCard card =
        new BoundCard(
            Ids.newId(clock),
            userId,
            binding.bindingRef(),
            binding.bankName(),
            binding.last4(),
            clock.instant());
    store.insertCard(card);
    return view(card);
  }

  public List<CardView> cards(UUID userId) {
    return store.cardsOf(userId).stream().map(BankService::view).toList();
  }

  public void unbindCard(UUID userId, UUID cardId) {
    BoundCard card = store.boundCard(cardId, userId).orElseThrow(BankProblems::cardNotFound);
    String accountNo = store.subAccount(userId).orElseThrow(BankProblems::cardNotFound);
    bank.unbindCard(accountNo, card.bindingRef());
    store.unbind(cardId, userId);
  }

  private static CardView view(BoundCard c) {
    return new CardView(c.id(), c.bankName(), c.last4());
  }

  // ---- deposits and withdrawals

  /**
   * Places a deposit order and hands it to the bank; the customer confirms it at the bank.
   *
   * @throws BankUnavailableException when the bank is down (the order is FAILED, nothing moved)
   */
  public OrderView deposit(UUID userId, String amountText, UUID cardId, String idempotencyKey) {
    checkKey(idempotencyKey);
    Money amount = amount(amountText);
    String hash = requestHash(OrderKind.DEPOSIT, amount, cardId);
    Optional<OrderView> replay = replay(userId, OrderKind.DEPOSIT, idempotencyKey, hash);
    if (replay.isPresent()) {
      return replay.get();
    }
    BoundCard card = store.boundCard(cardId, userId).orElseThrow(BankProblems::cardNotFound);
    BankOrder order = newOrder(userId, OrderKind.DEPOSIT, card, amount, idempotencyKey, hash);
    if (!store.insertOrder(order)) {
      return replay(userId, OrderKind.DEPOSIT, idempotencyKey, hash).orElseThrow();
    }
    return submit(order, card);
  }

  /**
   * Places a withdrawal to the user's own bound card: checks the SMS code and the daily limit and
   * freezes the amount at once, then hands the order to the bank.
   */
  public OrderView withdraw(
      UUID userId, String amountText, UUID cardId, String smsCode, String idempotencyKey) {
    checkKey(idempotencyKey);
    Money amount = amount(amountText);
    String hash = requestHash(OrderKind.WITHDRAWAL, amount, cardId);
    Optional<OrderView> replay = replay(userId, OrderKind.WITHDRAWAL, idempotencyKey, hash);
    if (replay.isPresent()) {
      return replay.get();
    }
    BoundCard card = store.boundCard(cardId, userId).orElseThrow(BankProblems::cardNotFound);
    LocalDate today = BusinessCalendar.today(clock);
    // Cheap checks first, so that a hopeless request does not use up the SMS code.
    if (!limit.allows(store.withdrawnOn(userId, today), amount.amountMinor())) {
      throw BankProblems.dailyLimit();
    }
    if (account(userId).available().isLessThan(amount)) {
      throw BankProblems.insufficientFunds();
    }
    identity.verifySmsCode(userId, SmsPurpose.WITHDRAW, smsCode);
    return placeWithdrawal(userId, amount, card, idempotencyKey, hash);
  }

  /** A withdrawal whose SMS code was checked: limit, freeze and hand-over to the bank. */
  OrderView placeVerifiedWithdrawal(
      UUID userId, String amountText, UUID cardId, String idempotencyKey) {
    Money amount = amount(amountText);
    BoundCard card = store.boundCard(cardId, userId).orElseThrow(BankProblems::cardNotFound);
    return placeWithdrawal(
        userId, amount, card, idempotencyKey, requestHash(OrderKind.WITHDRAWAL, amount, cardId));
  }

  private OrderView placeWithdrawal(
      UUID userId, Money amount, BoundCard card, String idempotencyKey, String hash) {
    LocalDate today = BusinessCalendar.today(clock);
    BankOrder order = newOrder(userId, OrderKind.WITHDRAWAL, card, amount, idempotencyKey, hash);
    AccountId funds = fundsAccount(userId);
    AccountId settlement = ledger.platformAccount(AccountKind.BANK_SETTLEMENT, Currency.CNY);
    Boolean inserted =
        tx.execute(
            status -> {
              // Invariant: one user's withdrawals are serialised on the sub-account row, so the
              // daily sum and the freeze are checked against each other's committed results.
              store.lockSubAccount(userId);
              if (!limit.allows(store.withdrawnOn(userId, today), amount.amountMinor())) {
                throw BankProblems.dailyLimit();
              }
              if (!store.insertOrder(order)) {
                return false;
              }
              freeze(order, funds, settlement, amount);
              return true;
            });
    if (!Boolean.TRUE.equals(inserted)) {
      return replay(userId, OrderKind.WITHDRAWAL, idempotencyKey, hash).orElseThrow();
    }
    return submit(order, card);
  }

  private void freeze(BankOrder order, AccountId funds, AccountId settlement, Money amount) {
    try {
      ledger.createTransfer(
          CreateTransfer.pending(
              new TransferId(order.transferId()),
              funds,
              settlement,
              amount,
              TransferCode.WITHDRAWAL,
              reference(order),
              null));
    } catch (com.credence.ledger.LedgerException.InsufficientFunds e) {
      throw BankProblems.insufficientFunds();
    }
  }

  /** The user's own order of this kind; others' orders are not found. */
  public OrderView order(UUID userId, OrderKind kind, UUID orderId) {
    return store
        .order(orderId)
        .filter(o -> o.userId().equals(userId) && o.kind() == kind)
        .map(this::view)
        .orElseThrow(BankProblems::orderNotFound);
  }

  public List<OrderView> ordersOf(UUID userId, int limitCount) {
    return store.ordersOf(userId, Math.min(limitCount, ORDER_LIST_MAX)).stream()
        .map(this::view)
        .toList();
  }

  /** For operators: the newest orders, optionally of one status. */
  public List<OrderView> recentOrders(@Nullable OrderStatus status, int limitCount) {
    return store.recentOrders(status, Math.min(limitCount, ORDER_LIST_MAX)).stream()
        .map(this::view)
        .toList();
  }

  private OrderView submit(BankOrder order, BoundCard card) {
    if (order.kind() == OrderKind.WITHDRAWAL) {
      // The bank checks the sub-account's balance: first tell it what the user received.
      custody.flush();
    }
    String accountNo = store.subAccount(order.userId()).orElseThrow();
    CustodianBank.Instruction instruction =
        new CustodianBank.Instruction(
            order.id(), order.kind(), accountNo, card.bindingRef(), order.amountMinor());
    try {
      String url = bank.submit(instruction);
      store.setConfirmUrl(order.id(), url);
    } catch (BankUnavailableException e) {
      // The bank refused the connection: it has not got the order, so failing it is not a guess.
      settle(order.id(), OrderStatus.FAILED, "bank unavailable", BusinessCalendar.today(clock));
      throw e;
    } catch (BankTimeoutException e) {
      log.warn("Bank did not answer order {} in time; outcome unknown", order.id());
      store.transition(
          order.id(), OrderStatus.PENDING, OrderStatus.UNKNOWN, "timeout", clock.instant(), null);
    }
    return view(store.order(order.id()).orElseThrow());
  }

  private BankOrder newOrder(
      UUID userId, OrderKind kind, BoundCard card, Money amount, String key, String hash) {
    Instant now = clock.instant();
    return new BankOrder(
        Ids.newId(clock),
        userId,
        kind,
        card.id(),
        amount.amountMinor(),
        OrderStatus.PENDING,
        Ids.newId(clock),
        Ids.newId(clock),
        key,
        hash,
        null,
        null,
        BusinessCalendar.dateOf(now),
        now,
        now);
  }

  private Optional<OrderView> replay(UUID userId, OrderKind kind, String key, String hash) {
    Optional<BankOrder> existing = store.orderByKey(userId, kind, key);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (!existing.get().requestHash().equals(hash)) {
      throw BankProblems.keyReused();
    }
    return Optional.of(view(existing.get()));
  }

  private OrderView view(BankOrder o) {
    String last4 =
        store.cardsOf(o.userId()).stream()
            .filter(c -> c.id().equals(o.cardId()))
            .map(BoundCard::last4)
            .findFirst()
            .orElse("****");
    return new OrderView(
        o.id(),
        o.userId(),
        o.kind(),
        Money.cny(o.amountMinor()),
        o.status(),
        last4,
        o.status().isFinal() ? null : o.confirmUrl(),
        o.failureReason(),
        o.createdAt());
  }

  // ---- settlement: callbacks and the janitor

  /** What became of a callback that passed the checks. */
  public enum CallbackResult {
    APPLIED,
    ALREADY_SETTLED
  }

  /**
   * Verifies and applies one callback of the bank. Refuses unsigned, badly signed, late and
   * replayed callbacks and those for unknown orders.
   */
  public CallbackResult receiveCallback(
      String body, @Nullable String timestamp, @Nullable String nonce, @Nullable String sig) {
    CallbackSignature.Verdict verdict =
        signature.verify(
            timestamp == null ? "" : timestamp,
            nonce == null ? "" : nonce,
            sig == null ? "" : sig,
            body,
            clock.instant(),
            properties.callbackWindow());
    switch (verdict) {
      case VALID -> {
        // checked below
      }
      case OUTSIDE_WINDOW ->
          throw BankProblems.of(401, "CALLBACK_LATE", "The callback is outside the time window");
      default -> throw BankProblems.of(401, "SIGNATURE_INVALID", "The signature is not valid");
    }
    Callback callback = parse(body);
    BankOrder order =
        store
            .order(callback.orderId())
            .orElseThrow(() -> BankProblems.of(404, "ORDER_UNKNOWN", "No such order"));
    if (!store.recordNonce(nonce, clock.instant())) {
      throw BankProblems.of(409, "CALLBACK_REPLAYED", "This callback was received before");
    }
    if (order.kind() != callback.kind() || order.amountMinor() != callback.amountMinor()) {
      log.error("Callback for order {} does not match the order (kind or amount)", order.id());
      throw BankProblems.of(422, "CALLBACK_MISMATCH", "The callback does not match the order");
    }
    return settle(order.id(), callback.status(), callback.reason(), callback.businessDate());
  }

  private record Callback(
      UUID orderId,
      OrderKind kind,
      OrderStatus status,
      long amountMinor,
      @Nullable String reason,
      LocalDate businessDate) {}

  private Callback parse(String body) {
    try {
      JsonNode node = json.readTree(body);
      OrderStatus status = OrderStatus.valueOf(node.path("status").asString());
      if (!status.isFinal()) {
        throw new IllegalArgumentException("not a final status");
      }
      return new Callback(
          UUID.fromString(node.path("orderId").asString()),
          OrderKind.valueOf(node.path("kind").asString()),
          status,
          Money.parseCny(node.path("amount").asString()).amountMinor(),
          node.path("reason").isString() ? node.path("reason").asString() : null,
          LocalDate.parse(node.path("businessDate").asString()));
    } catch (JacksonException
        | IllegalArgumentException
        | InvalidAmountException
        | java.time.DateTimeException e) {
      throw BankProblems.of(400, "CALLBACK_INVALID", "The callback body is not valid");
    }
  }

  /**
   * Settles an order once: SUCCEEDED moves the money (deposit) or posts the freeze (withdrawal);
   * FAILED moves nothing (deposit) or voids the freeze (withdrawal). A second settlement with the
   * same outcome is a no-op; a contradicting one is logged as an error and changes nothing.
   */
  CallbackResult settle(UUID orderId, OrderStatus outcome, @Nullable String reason, LocalDate day) {
    for (int attempt = 0; attempt < 3; attempt++) {
      BankOrder order = store.order(orderId).orElseThrow(BankProblems::orderNotFound);
      if (order.status().isFinal()) {
        if (order.status() != outcome) {
          log.error(
              "Order {} is {} but the bank now says {}: left as is for an operator",
              orderId,
              order.status(),
              outcome);
        }
        return CallbackResult.ALREADY_SETTLED;
      }
      Boolean applied =
          tx.execute(
              status -> {
                if (!store.transition(
                    orderId, order.status(), outcome, reason, clock.instant(), day)) {
                  return false;
                }
                settlementTransfer(order, outcome).ifPresent(ledger::createTransfer);
                return true;
              });
      if (Boolean.TRUE.equals(applied)) {
        log.info("Order {} {} settled {}", orderId, order.kind(), outcome);
        return CallbackResult.APPLIED;
      }
    }
    throw new IllegalStateException("Order " + orderId + " kept changing while settling");
  }

  /** The ledger transfer that settles the order; none for a failed deposit. */
  private Optional<CreateTransfer> settlementTransfer(BankOrder order, OrderStatus outcome) {
    TransferId settle = new TransferId(order.settleId());
    TransferId first = new TransferId(order.transferId());
    if (order.kind() == OrderKind.WITHDRAWAL) {
      return Optional.of(
          outcome == OrderStatus.SUCCEEDED
              ? CreateTransfer.post(settle, first, order.amountMinor(), reference(order))
              : CreateTransfer.voidPending(settle, first, reference(order)));
    }
    if (outcome == OrderStatus.SUCCEEDED) {
      return Optional.of(
          CreateTransfer.single(
              first,
              ledger.platformAccount(AccountKind.BANK_SETTLEMENT, Currency.CNY),
              fundsAccount(order.userId()),
              order.amountMinor(),
              Currency.CNY,
              TransferCode.DEPOSIT,
              reference(order)));
    }
    return Optional.empty();
  }

  /**
   * The janitor: asks the bank about orders that have waited longer than {@code olderThan} and
   * settles those it knows. An order the bank cannot be asked about becomes UNKNOWN and is asked
   * again next time; nothing is guessed.
   *
   * @return how many orders were settled
   */
  public int resolveOpenOrders(Duration olderThan) {
    Instant now = clock.instant();
    int settled = 0;
    for (BankOrder order : store.openOrders(now.minus(olderThan), properties.janitorBatch())) {
      CustodianBank.OrderOutcome outcome;
      try {
        outcome = bank.query(order.id());
      } catch (BankUnavailableException | BankTimeoutException e) {
        store.transition(
            order.id(), OrderStatus.PENDING, OrderStatus.UNKNOWN, "query failed", now, null);
        continue;
      }
      LocalDate today = BusinessCalendar.dateOf(now);
      switch (outcome) {
        case SUCCEEDED ->
            settled += applied(settle(order.id(), OrderStatus.SUCCEEDED, null, today));
        case FAILED ->
            settled += applied(settle(order.id(), OrderStatus.FAILED, "declined by bank", today));
        case NOT_FOUND ->
            settled +=
                applied(
                    settle(order.id(), OrderStatus.FAILED, "the bank never received it", today));
        default ->
            // IN_PROGRESS: the bank has it and is still working (or waits for the customer):
            // pending again, and asked again after the next timeout.
            store.transition(order.id(), order.status(), OrderStatus.PENDING, null, now, null);
      }
    }
    return settled;
  }

  /**
   * Forgets callback nonces older than twice the callback window: a replay of one of them carries a
   * timestamp outside the window and is refused as late anyway.
   */
  public int purgeCallbackNonces() {
    return store.purgeNonces(clock.instant().minus(properties.callbackWindow().multipliedBy(2)));
  }

  private static int applied(CallbackResult result) {
    return result == CallbackResult.APPLIED ? 1 : 0;
  }

  // ---- helpers

  private AccountId fundsAccount(UUID userId) {
    boolean borrowerOnly =
        identity
            .findUser(userId)
            .map(u -> u.roles().contains(Role.BORROWER) && !u.roles().contains(Role.INVESTOR))
            .orElse(false);
    return ledger.openAccount(
        borrowerOnly ? AccountKind.BORROWER_FUNDS : AccountKind.INVESTOR_FUNDS,
        userId,
        Currency.CNY);
  }

  private static String reference(BankOrder order) {
    return "bank-order:" + order.id();
  }

  private static Money amount(@Nullable String text) {
    Money amount;
    try {
      amount = Money.parseCny(text == null ? "" : text.trim());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw BankProblems.invalidAmount("The amount is too large");
    }
    if (amount.isZero()) {
      throw BankProblems.invalidAmount("The amount must be more than zero");
    }
    return amount;
  }

  private static void checkKey(@Nullable String key) {
    if (key == null || key.isEmpty() || key.length() > KEY_LENGTH_MAX) {
      throw BankProblems.keyInvalid();
    }
  }

  private static String requestHash(OrderKind kind, Money amount, UUID cardId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (kind + "|" + amount.amountMinor() + "|" + cardId)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
