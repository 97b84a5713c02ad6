package com.credence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.bank.BankApi;
import com.credence.bank.BankReconciliation;
import com.credence.bank.domain.Reconciler;
import com.credence.bank.sim.SimulatedBank;
import com.credence.identity.IdentityService;
import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.identity.Role;
import com.credence.identity.domain.Base32;
import com.credence.identity.domain.ResidentIdNumber;
import com.credence.identity.domain.Totp;
import com.credence.ledger.Balance;
import com.credence.ledger.LedgerChecker;
import com.credence.ledger.LedgerService;
import com.credence.risk.BureauReport;
import com.credence.risk.sim.SimulatedCreditBureau;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Money;
import com.credence.support.IntegrationTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole lending cycle through the public API, across every module: a borrower applies, two risk
 * officers approve, the listing opens, two investors fill it, the loan is disbursed, the business
 * date moves month by month while end of day collects every installment and distributes it, and the
 * loan settles. Then every fen is accounted for: the ledger balances, the bank holds what the
 * ledger says, and each investor received their principal back plus the interest their holder
 * schedule promised.
 */
class LendingJourneyIT extends IntegrationTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String STAFF_PASSWORD = "Journey-officer-2026"; // secrets-scan:allow

  @Autowired IdentityService identity;
  @Autowired Clock clock;
  @Autowired LedgerChecker checker;
  @Autowired LedgerService ledger;
  @Autowired BankReconciliation reconciliation;
  @Autowired SimulatedBank simulatedBank;

  @Test
  void aLoanFromApplicationToSettlementPaysEveryInvestorToTheFen() {
    BankApi bank = new BankApi(http, dataDir, clock);

    // The borrower: real name with a clean bureau report, a card and some money at the bank.
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    String idNumber = idNumber(LendingJourneyIT::clean);
    assertThat(
            http.postJson(
                    "/api/v1/me/identity",
                    "{\"realName\":\"陈旅程\",\"idNumber\":\"" + idNumber + "\"}",
                    borrower.token())
                .body())
        .contains("VERIFIED");
    bank.depositAndSettle(borrower, "3000.00", bank.bindCard(borrower, BankApi.newCardNumber()));

    // Apply, then two different officers approve.
    HttpResponse<String> applied =
        http.postJson("/api/v1/loan-applications", application("10000.00", 6), borrower.token());
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String applicationId = json(applied).get("applicationId").asString();
    String maker = officerToken();
    String checkerToken = officerToken();
    assertThat(decide(maker, applicationId).statusCode()).isEqualTo(200);
    HttpResponse<String> approved = decide(checkerToken, applicationId);
    assertThat(json(approved).get("status").asString()).as(approved.body()).isEqualTo("APPROVED");

    String listingId =
        await(
            "the application is listed",
            () -> {
              JsonNode a =
                  json(http.getWithToken("/api/v1/loan-applications/" + applicationId, maker));
              return a.hasNonNull("listingId") ? a.get("listingId").asString() : null;
            });
    JsonNode listing = json(http.get("/api/v1/listings/" + listingId));
    assertThat(listing.get("status").asString()).isEqualTo("OPEN");
    assertThat(listing.get("amount").asString()).isEqualTo("10000.00");

    // Two investors fill it.
    TestUser first = investorWithMoney(bank, "8000.00");
    TestUser second = investorWithMoney(bank, "5000.00");
    assertThat(invest(first, listingId, "6000.00").statusCode()).isEqualTo(201);
    assertThat(invest(second, listingId, "4000.00").statusCode()).isEqualTo(201);
    String loanId =
        await(
            "the full listing is disbursed",
            () -> {
              JsonNode l = json(http.get("/api/v1/listings/" + listingId));
              return "REPAYING".equals(l.get("status").asString()) && l.hasNonNull("loanId")
                  ? l.get("loanId").asString()
                  : null;
            });
    String schedulePath = "/api/v1/loans/" + loanId + "/schedule";
    await(
        "the schedule exists",
        () -> http.getWithToken(schedulePath, borrower.token()).statusCode() == 200 ? "yes" : null);
    JsonNode installments =
        json(http.getWithToken(schedulePath, borrower.token())).get("installments");
    assertThat(installments.size()).isEqualTo(6);
    long principal = 0;
    for (JsonNode i : installments) {
      principal += Money.parseCny(i.get("principal").asString()).amountMinor();
    }
    assertThat(principal).as("principal parts add up to the loan").isEqualTo(10_000_00);

    // What each investor's holder schedule promises before anything is paid.
    long promisedFirst = promisedInterest(first);
    long promisedSecond = promisedInterest(second);
    assertThat(promisedFirst).isPositive();
    assertThat(promisedSecond).isPositive();

    // Month by month: end of day collects each installment on its due date.
    for (JsonNode installment : installments) {
      LocalDate due = LocalDate.parse(installment.get("dueDate").asString());
      moveClockTo(due.plusDays(1));
    }
    // Months went by: the tokens issued at the start have expired; everyone signs in again.
    TestUser borrowerNow = signIn(borrower);
    TestUser firstNow = signIn(first);
    TestUser secondNow = signIn(second);
    JsonNode loan = json(http.getWithToken("/api/v1/loans/" + loanId, borrowerNow.token()));
    assertThat(loan.get("status").asString()).as(loan.toString()).isEqualTo("SETTLED");
    assertThat(loan.get("outstandingPrincipal").asString()).isEqualTo("0.00");
    for (JsonNode i :
        json(http.getWithToken(schedulePath, borrowerNow.token())).get("installments")) {
      assertThat(i.get("status").asString()).isEqualTo("PAID");
      assertThat(i.get("paid").asString()).isEqualTo(i.get("total").asString());
    }
    await(
        "the listing follows the loan",
        () ->
            "SETTLED"
                    .equals(
                        json(http.get("/api/v1/listings/" + listingId)).get("status").asString())
                ? "yes"
                : null);

    // Every investor: principal back, the promised interest received, money on the account.
    assertRepaid(firstNow, 6_000_00, promisedFirst, 8_000_00);
    assertRepaid(secondNow, 4_000_00, promisedSecond, 5_000_00);
    assertThat(checker.check().balanced()).as("the ledger balances").isTrue();
    List<String> ours = new ArrayList<>();
    for (TestUser u : List.of(borrower, first, second)) {
      ours.add(simulatedBank.accountOf(u.userId()).orElseThrow());
    }
    List<Reconciler.Difference> differences = reconciliation.balanceDifferencesNow(false);
    assertThat(differences)
        .filteredOn(d -> ours.contains(d.reference()))
        .as("no difference for our accounts")
        .isEmpty();
    assertThat(differences)
        .extracting(Reconciler.Difference::reference)
        .as("the bank holds what the ledger says for the borrower and both investors")
        .doesNotContainAnyElementsOf(ours);
  }

  private void assertRepaid(TestUser investor, long principal, long promised, long deposited) {
    JsonNode holdings = json(http.getWithToken("/api/v1/me/holdings", investor.token()));
    assertThat(holdings.get("items").size()).isEqualTo(1);
    JsonNode holding = holdings.get("items").get(0);
    assertThat(Money.parseCny(holding.get("principal").asString()).amountMinor())
        .isEqualTo(principal);
    assertThat(holding.get("outstandingPrincipal").asString()).isEqualTo("0.00");
    long received = Money.parseCny(holding.get("receivedInterest").asString()).amountMinor();
    assertThat(received).as("interest received equals the holder schedule").isEqualTo(promised);
    long total = ledger.balancesOf(investor.userId()).stream().mapToLong(Balance::totalMinor).sum();
    assertThat(total).as("money on the investor's account").isEqualTo(deposited + received);
  }

  /** The interest of every cash flow the investor's holder schedule lists. */
  private long promisedInterest(TestUser investor) {
    LocalDate today = BusinessCalendar.today(clock);
    JsonNode flows =
        json(
            http.getWithToken(
                "/api/v1/me/cash-flows?from=" + today + "&to=" + today.plusYears(2),
                investor.token()));
    long interest = 0;
    for (JsonNode f : flows.get("items")) {
      interest += Money.parseCny(f.get("interest").asString()).amountMinor();
    }
    return interest;
  }

  private TestUser signIn(TestUser user) {
    HttpResponse<String> issued =
        http.postJson(
            "/api/v1/auth/tokens",
            "{\"phone\":\"" + user.phone() + "\",\"password\":\"" + user.password() + "\"}",
            null);
    return new TestUser(
        user.userId(), user.phone(), user.password(), json(issued).get("accessToken").asString());
  }

  private void moveClockTo(LocalDate date) {
    if (!date.isAfter(BusinessCalendar.today(clock))) {
      return;
    }
    HttpResponse<String> moved =
        http.postJson("/api/v1/sim/clock", "{\"date\":\"" + date + "\"}", null);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
  }

  private TestUser investorWithMoney(BankApi bank, String amount) {
    TestUser investor = IdentityTestUsers.investor(http, IdentityTestUsers.AGGRESSIVE);
    bank.depositAndSettle(investor, amount, bank.bindCard(investor, BankApi.newCardNumber()));
    return investor;
  }

  private HttpResponse<String> invest(TestUser investor, String listingId, String amount) {
    return http.send(
        http.request("/api/v1/listings/" + listingId + "/investments")
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + investor.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount\":\"" + amount + "\"}", StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> decide(String token, String applicationId) {
    return http.postJson(
        "/api/v1/admin/loan-applications/" + applicationId + "/decisions",
        "{\"decision\":\"APPROVE\",\"comment\":\"bureau clean, income covers the installment\"}",
        token);
  }

  private String officerToken() {
    String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    UUID id = identity.createStaff(phone, STAFF_PASSWORD, Role.RISK_OFFICER);
    byte[] secret = Base32.decode(identity.startTotpEnrolment(id).secret());
    identity.confirmTotp(id, Totp.code(secret, clock.instant()));
    return identity
        .issueToken(
            phone,
            STAFF_PASSWORD,
            null,
            Totp.code(secret, clock.instant().plusSeconds(Totp.STEP_SECONDS)),
            "127.0.0.1")
        .accessToken();
  }

  private static String application(String amount, int termMonths) {
    return """
        {"product":"CREDIT","amount":"%s","termMonths":%d,"repaymentMethod":"EQUAL_INSTALLMENT",
         "purpose":"HOME_REPAIR","monthlyIncome":"30000.00","monthlyDebtPayments":"500.00",
         "savings":"50000.00","employmentMonths":120,"job":"SKILLED",
         "checkingAccount":"AT_LEAST_2000_CNY","housing":"OWN","property":"REAL_ESTATE",
         "otherParty":"NONE","address":"杭州市西湖区旅程路%s号"}
        """
        .formatted(amount, termMonths, UUID.randomUUID());
  }

  private static String idNumber(Predicate<BureauReport> wanted) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      LocalDate birth =
          LocalDate.of(1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
      String id = ResidentIdNumber.compose("330106", birth, random.nextInt(998));
      if (wanted.test(SimulatedCreditBureau.synthetic(id))) {
        return id;
      }
    }
  }

  private static boolean clean(BureauReport r) {
    return r.creditHistoryMonths() > 24
        && r.overdueRecords() == 0
        && r.lawsuits() == 0
        && r.otherPlatformLoans() == 0
        && r.pledgedVins().isEmpty()
        && !r.currentlyOverdue();
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    return JSON.readTree(response.body());
  }

  private static String await(String what, java.util.function.Supplier<String> probe) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      String value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("Timed out waiting until " + what);
  }
}
