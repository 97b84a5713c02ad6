package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.persistence.ListingStore;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.Balance;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerChecker;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.origination.LoanApproved;
import com.credence.origination.ProductType;
import com.credence.risk.Grade;
import com.credence.risk.LoanPurpose;
import com.credence.shared.AnnualRate;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import com.credence.shared.RepaymentMethod;
import com.credence.support.IntegrationTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fixture of the investment tests: listings opened the way origination opens them (by
 * publishing {@link LoanApproved} in a transaction), investors made through the identity API with
 * money deposited on their funds account, and the ledger checked after every test.
 */
abstract class InvestmentFixture extends IntegrationTestBase {

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired ListingStore store;
  @Autowired LedgerService ledger;
  @Autowired LedgerChecker checker;
  @Autowired Clock clock;
  @Autowired Funding funding;
  @Autowired LoanFundedRecorder funded;
  @Autowired com.credence.investment.persistence.AutoInvestStore autoInvestStore;

  @AfterEach
  void ledgerBalances() {
    assertThat(checker.check().balanced()).as("ledger check").isTrue();
  }

  /** The terms of a test loan; change what the test needs. */
  record Terms(
      long amountYuan,
      Grade grade,
      long minYuan,
      long stepYuan,
      @Nullable Instant opensAt,
      int fundingDays,
      boolean partialAllowed,
      long upfrontFeeYuan) {

    static Terms of(long amountYuan) {
      return new Terms(amountYuan, Grade.B, 50, 50, null, 7, false, 0);
    }

    Terms grade(Grade g) {
      return new Terms(
          amountYuan, g, minYuan, stepYuan, opensAt, fundingDays, partialAllowed, upfrontFeeYuan);
    }

    Terms minimum(long min, long step) {
      return new Terms(
          amountYuan, grade, min, step, opensAt, fundingDays, partialAllowed, upfrontFeeYuan);
    }

    Terms opens(Instant at, int days) {
      return new Terms(
          amountYuan, grade, minYuan, stepYuan, at, days, partialAllowed, upfrontFeeYuan);
    }

    Terms partial() {
      return new Terms(
          amountYuan, grade, minYuan, stepYuan, opensAt, fundingDays, true, upfrontFeeYuan);
    }

    Terms fee(long yuan) {
      return new Terms(
          amountYuan, grade, minYuan, stepYuan, opensAt, fundingDays, partialAllowed, yuan);
    }
  }

  LoanApproved approved(Terms t) {
    return approved(t, UUID.randomUUID());
  }

  LoanApproved approved(Terms t, UUID borrowerId) {
    return approved(t, borrowerId, UUID.randomUUID());
  }

  LoanApproved approved(Terms t, UUID borrowerId, UUID applicationId) {
    return new LoanApproved(
        applicationId,
        borrowerId,
        ProductType.CAR,
        LoanPurpose.USED_CAR,
        Money.yuan(t.amountYuan()),
        AnnualRate.ofBps(950),
        12,
        RepaymentMethod.EQUAL_INSTALLMENT,
        t.grade(),
        Money.yuan(t.minYuan()),
        Money.yuan(t.stepYuan()),
        t.fundingDays(),
        t.partialAllowed(),
        t.opensAt(),
        Money.yuan(t.upfrontFeeYuan()),
        Money.yuan(10),
        1000,
        new LoanApproved.Disclosure(
            "个人 · 35岁 · 上海", "大众 2021 · VIN ****1234", "B级 · 评分 680", "借款人可能逾期或违约"));
  }

  /** Publishes the approval as origination does and waits for the listing. */
  UUID listing(Terms terms) {
    return listing(terms, UUID.randomUUID());
  }

  /** A listing of the given borrower (a real user, for the borrower's API and pages). */
  UUID listing(Terms terms, UUID borrowerId) {
    return listing(approved(terms, borrowerId));
  }

  /** Publishes this approval as origination does and waits for the listing. */
  UUID listing(LoanApproved event) {
    tx.executeWithoutResult(s -> events.publishEvent(event));
    Instant until = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(until)) {
      var row = store.listingOfApplication(event.applicationId());
      // Manual bids wait for auto-invest's turn, which follows the opening at once.
      if (row.isPresent()
          && (row.get().opensAt().isAfter(clock.instant())
              || autoInvestStore.runDone(row.get().id()))) {
        return row.get().id();
      }
      sleep(50);
    }
    throw new AssertionError("No listing for application " + event.applicationId());
  }

  /** A verified, assessed (AGGRESSIVE) investor with {@code yuan} on the funds account. */
  TestUser investor(long yuan) {
    return investor(yuan, IdentityTestUsers.AGGRESSIVE);
  }

  TestUser investor(long yuan, List<Integer> answers) {
    TestUser user = IdentityTestUsers.investor(http, answers);
    deposit(user.userId(), yuan);
    return user;
  }

  /** Money in through the ledger's deposit flow (the bank's tests cover the bank's side). */
  void deposit(UUID userId, long yuan) {
    AccountId funds = ledger.openAccount(AccountKind.INVESTOR_FUNDS, userId, Currency.CNY);
    if (yuan > 0) {
      ledger.createTransfer(
          CreateTransfer.single(
              TransferId.newId(clock),
              ledger.platformAccount(AccountKind.BANK_SETTLEMENT, Currency.CNY),
              funds,
              Money.yuan(yuan),
              TransferCode.DEPOSIT,
              "test-deposit:" + userId));
    }
  }

  Balance funds(UUID userId) {
    return ledger.balance(ledger.openAccount(AccountKind.INVESTOR_FUNDS, userId, Currency.CNY));
  }

  /** A browser session signed in as {@code user} through the login form. */
  com.credence.support.PageSession signIn(TestUser user) {
    com.credence.support.PageSession page = new com.credence.support.PageSession(http);
    page.get("/login");
    HttpResponse<String> in =
        page.post("/login", java.util.Map.of("phone", user.phone(), "password", user.password()));
    assertThat(in.statusCode()).isEqualTo(302);
    return page;
  }

  HttpResponse<String> invest(TestUser user, UUID listingId, String amount, @Nullable String key) {
    return invest(user.token(), listingId, "{\"amount\":\"" + amount + "\"}", key);
  }

  HttpResponse<String> invest(String token, UUID listingId, String body, @Nullable String key) {
    HttpRequest.Builder b =
        http.request("/api/v1/listings/" + listingId + "/investments")
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return http.send(b);
  }

  /**
   * A partial-loan listing of 1,000 CNY of {@code borrower} that {@code investor} bid {@code
   * amount} on, past its deadline and settled: OFFERED to the borrower.
   */
  UUID offeredPartialLoan(TestUser borrower, TestUser investor, String amount) {
    UUID listing = listing(Terms.of(1_000).opens(clock.instant(), 1).partial(), borrower.userId());
    assertThat(invest(investor, listing, amount, "offered").statusCode()).isEqualTo(201);
    passDays(2);
    funding.settle(listing);
    assertThat(store.listing(listing).orElseThrow().status()).isEqualTo(ListingStatus.OFFERED);
    return listing;
  }

  /** Moves the shared business clock {@code days} on (it only ever moves forward). */
  void passDays(int days) {
    var now = json(http.get("/api/v1/sim/clock").body());
    String target = java.time.LocalDate.parse(now.get("date").asString()).plusDays(days).toString();
    var moved = http.postJson("/api/v1/sim/clock", "{\"date\":\"" + target + "\"}", null);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
  }

  /** A fresh token (tokens expire with the days the clock moves). */
  IdentityTestUsers.TestUser signInAgain(IdentityTestUsers.TestUser user) {
    var tokens =
        http.postJson(
            "/api/v1/auth/tokens",
            "{\"phone\":\"" + user.phone() + "\",\"password\":\"" + user.password() + "\"}",
            null);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    return new IdentityTestUsers.TestUser(
        user.userId(),
        user.phone(),
        user.password(),
        json(tokens.body()).get("accessToken").asString());
  }

  static String code(HttpResponse<String> r) {
    return json(r.body()).path("code").asString();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits until the listing has its loan (disbursed) or gives up after 20 s. */
  void awaitLoan(UUID listingId) {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(until)) {
      if (store.listing(listingId).orElseThrow().loanId() != null) {
        return;
      }
      sleep(50);
    }
    throw new AssertionError("Listing " + listingId + " was not disbursed");
  }
}
