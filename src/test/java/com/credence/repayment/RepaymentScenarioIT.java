package com.credence.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.HoldingFigures;
import com.credence.ledger.AccountKind;
import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.LedgerChecker;
import com.credence.ledger.LedgerService;
import com.credence.repayment.domain.HolderSplit;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Currency;
import com.credence.shared.RepaymentMethod;
import com.credence.support.IntegrationTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Twelve months of a loan with time travel: funded, every installment collected at end of day and
 * distributed to every holder, one installment late (penalty interest after the grace period) and
 * then repaid by hand, the loan settled; the ledger balances and every investor received exactly
 * its parts of the schedule.
 */
class RepaymentScenarioIT extends IntegrationTestBase {

  @Autowired LedgerService ledger;
  @Autowired LedgerChecker checker;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired RepaymentService repayment;
  @Autowired EndOfDay endOfDay;
  @Autowired HoldingFigures figures;
  @Autowired Clock clock;

  RepaymentFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new RepaymentFixture(ledger, events, tx, repayment, clock);
  }

  @Test
  void twelveMonthsCollectedDistributedOneLateThenSettled() {
    LocalDate today = BusinessCalendar.today(clock);
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    long[] holdings = {600_000, 360_000, 240_000};
    RepaymentFixture.Loan loan =
        fixture.fund(
            borrower.userId(),
            new RepaymentFixture.Terms(
                1_200_000,
                1000,
                12,
                RepaymentMethod.EQUAL_INSTALLMENT,
                today,
                500,
                1000,
                holdings));
    long feeBefore = fixture.balance(feeAccount());

    List<InstallmentView> schedule = repayment.schedule(borrower.userId(), Set.of(), loan.loanId());
    assertThat(schedule).hasSize(12);
    assertThat(schedule.stream().mapToLong(i -> i.principal().amountMinor()).sum())
        .isEqualTo(1_200_000);
    long firstThree = schedule.subList(0, 3).stream().mapToLong(i -> i.total().amountMinor()).sum();
    fixture.deposit(loan.borrowerAccount(), firstThree);

    // The API shows the schedule to the borrower (fields of API.md) and to no one else.
    HttpResponse<String> shown =
        http.getWithToken("/api/v1/loans/" + loan.loanId() + "/schedule", borrower.token());
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    JsonNode first = json(shown.body()).get("installments").get(0);
    for (String field :
        List.of("number", "dueDate", "principal", "interest", "fee", "penalty", "total", "paid")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(first.get("fee").asString()).isEqualTo("5.00");
    TestUser stranger = IdentityTestUsers.registered(http, "BORROWER");
    assertThat(http.getWithToken("/api/v1/loans/" + loan.loanId(), stranger.token()).statusCode())
        .isEqualTo(404);

    // Months 1-3: collected at the end of each due date, every holder paid the same day.
    moveClockTo(schedule.get(2).dueDate().plusDays(1));
    List<InstallmentView> after3 = repayment.schedule(borrower.userId(), Set.of(), loan.loanId());
    assertThat(after3.subList(0, 3))
        .allSatisfy(
            i -> {
              assertThat(i.status()).isEqualTo("PAID");
              assertThat(i.paidOn()).isEqualTo(i.dueDate());
            });
    assertThat(fixture.balance(loan.borrowerAccount())).isZero();
    assertThat(fixture.balance(loan.escrow())).as("nothing waits in escrow").isZero();

    // Month 4: the borrower has no money; after the 3-day grace period penalty accrues daily.
    LocalDate due4 = schedule.get(3).dueDate();
    // Today is due + 10: the last day ended is due + 9, nine days overdue.
    moveClockTo(due4.plusDays(10));
    LoanView late = repayment.loan(borrower.userId(), Set.of(), loan.loanId());
    assertThat(late.daysOverdue()).isEqualTo(9);
    assertThat(late.bucket()).isEqualTo("DAYS_1_30");
    InstallmentView fourth = repayment.schedule(borrower.userId(), Set.of(), loan.loanId()).get(3);
    assertThat(fourth.status()).isEqualTo("OVERDUE");
    // 6 penalty days (due + 4 to due + 9) at min(6%, 12% - 10%) = 2% a year on the unpaid
    // principal and interest, one day at a time (each day's penalty rounded to the fen).
    long base = fourth.principal().amountMinor() + fourth.interest().amountMinor();
    assertThat(fourth.penalty().amountMinor())
        .isEqualTo(
            6
                * com.credence.repayment.domain.DayCount.ACTUAL_365.interestMinor(
                    base, com.credence.shared.AnnualRate.ofBps(200), 1));
    assertThat(fourth.penalty().amountMinor()).isPositive();

    // The borrower gets money and repays what is due by hand.
    long rest =
        schedule.subList(3, 12).stream().mapToLong(i -> i.total().amountMinor()).sum()
            + fourth.penalty().amountMinor();
    fixture.deposit(loan.borrowerAccount(), rest);
    HttpResponse<String> repaid =
        repay(borrower, loan.loanId(), late.dueNow().toApiString(), "late-" + loan.loanId());
    assertThat(repaid.statusCode()).as(repaid.body()).isEqualTo(201);
    JsonNode allocated = json(repaid.body()).get("allocated");
    assertThat(allocated.get("penalty").asString()).isEqualTo(fourth.penalty().toApiString());
    assertThat(allocated.get("fee").asString()).isEqualTo("5.00");
    assertThat(repayment.schedule(borrower.userId(), Set.of(), loan.loanId()).get(3).status())
        .isEqualTo("PAID");
    assertThat(repayment.loan(borrower.userId(), Set.of(), loan.loanId()).bucket())
        .isEqualTo("CURRENT");

    // The rest of the year: collected at end of day; the loan settles with the last one.
    moveClockTo(schedule.get(11).dueDate().plusDays(1));
    LoanView settled = repayment.loan(borrower.userId(), Set.of(), loan.loanId());
    assertThat(settled.status()).isEqualTo("SETTLED");
    assertThat(settled.outstandingPrincipal().amountMinor()).isZero();
    assertThat(fixture.balance(loan.borrowerAccount())).isZero();
    assertThat(fixture.balance(loan.escrow())).isZero();

    // Every investor received exactly its parts of the schedule, and the parts add up.
    Map<UUID, HoldingFigures.Figures> received =
        figures.figures(loan.holders().stream().map(RepaymentFixture.Holder::holdingId).toList());
    long principalPaid = 0;
    long interestPaid = 0;
    for (RepaymentFixture.Holder h : loan.holders()) {
      HoldingFigures.Figures f = received.get(h.holdingId());
      long total =
          f.receivedPrincipal().amountMinor()
              + f.receivedInterest().amountMinor()
              + f.receivedPenalty().amountMinor();
      assertThat(fixture.balance(h.account())).as("investor %s", h.investorId()).isEqualTo(total);
      assertThat(f.outstandingPrincipal().amountMinor()).isZero();
      principalPaid += f.receivedPrincipal().amountMinor();
      interestPaid += f.receivedInterest().amountMinor();
    }
    assertThat(principalPaid).isEqualTo(1_200_000);
    long interest = schedule.stream().mapToLong(i -> i.interest().amountMinor()).sum();
    long serviceFees =
        schedule.stream()
            .mapToLong(i -> HolderSplit.serviceFeeMinor(i.interest().amountMinor(), 1000))
            .sum();
    assertThat(interestPaid + serviceFees).isEqualTo(interest);
    assertThat(fixture.balance(feeAccount()) - feeBefore)
        .as("monthly fees and service fees, nothing else")
        .isGreaterThanOrEqualTo(12 * 500 + serviceFees);

    LedgerCheckReport report = checker.check();
    assertThat(report.balanced()).as(report.violations().toString()).isTrue();

    // Running an end of day again pays nothing twice.
    long transfers = report.transfers();
    Map<UUID, Long> balances =
        loan.holders().stream()
            .collect(
                Collectors.toMap(
                    RepaymentFixture.Holder::investorId, h -> fixture.balance(h.account())));
    endOfDay.run(schedule.get(5).dueDate());
    endOfDay.run(schedule.get(11).dueDate());
    for (RepaymentFixture.Holder h : loan.holders()) {
      assertThat(fixture.balance(h.account())).isEqualTo(balances.get(h.investorId()));
    }
    assertThat(checker.check().transfers()).isEqualTo(transfers);

    // A settled loan takes no more money.
    HttpResponse<String> again = repay(borrower, loan.loanId(), "1.00", "after-" + loan.loanId());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again.body()).get("code").asString()).isEqualTo("LOAN_SETTLED");
  }

  private com.credence.ledger.AccountId feeAccount() {
    return ledger.platformAccount(AccountKind.PLATFORM_FEE_INCOME, Currency.CNY);
  }

  private HttpResponse<String> repay(TestUser user, UUID loanId, String amount, String key) {
    // Tokens expire on the simulated clock: sign in again after time travel.
    String token = freshToken(http, user);
    return http.send(
        http.request("/api/v1/loans/" + loanId + "/repayments")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + amount + "\"}")));
  }

  static String freshToken(com.credence.support.HttpsClient http, TestUser user) {
    HttpResponse<String> signedIn =
        http.postJson(
            "/api/v1/auth/tokens",
            "{\"phone\":\"" + user.phone() + "\",\"password\":\"" + user.password() + "\"}",
            null);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    return json(signedIn.body()).get("accessToken").asString();
  }

  private void moveClockTo(LocalDate date) {
    LocalDate today = BusinessCalendar.today(clock);
    if (date.isAfter(today)) {
      HttpResponse<String> moved =
          http.postJson("/api/v1/sim/clock", "{\"date\":\"" + date + "\"}", null);
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }
  }
}
