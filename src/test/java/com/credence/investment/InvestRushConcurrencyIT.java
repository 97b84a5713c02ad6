package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.persistence.InvestmentRow;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The invest rush: hundreds of parallel bids (with repeated keys) on one small listing. The listing
 * raises exactly its amount, every 201 is a stored investment with its freeze, refused bids moved
 * nothing, no key is charged twice, and the ledger balances.
 */
class InvestRushConcurrencyIT extends InvestmentFixture {

  private static final int INVESTORS = 30;
  private static final int BIDS = 400;
  private static final int THREADS = 32;

  @Test
  void hundredsOfParallelBidsRaiseExactlyTheAmount() throws Exception {
    UUID listing = listing(Terms.of(20_000));
    List<TestUser> investors = new ArrayList<>();
    for (int i = 0; i < INVESTORS; i++) {
      // Some investors cannot afford all their bids: the ledger refuses those freezes.
      investors.add(investor(i % 5 == 0 ? 300 : 3_000));
    }
    Map<UUID, Long> before = new HashMap<>();
    investors.forEach(u -> before.put(u.userId(), funds(u.userId()).availableMinor()));

    long seed = 20261125L;
    Random random = new Random(seed);
    record Bid(TestUser user, String amount, String key) {}
    List<Bid> bids = new ArrayList<>();
    for (int i = 0; i < BIDS; i++) {
      TestUser user = investors.get(random.nextInt(INVESTORS));
      // Every tenth bid repeats an earlier key of the same investor (a client retry).
      String key = i % 10 == 9 ? "bid-" + user.userId() + "-repeat" : "bid-" + i;
      bids.add(new Bid(user, (1 + random.nextInt(4)) * 50 + ".00", key));
    }
    Map<String, List<String>> createdByKey = new ConcurrentHashMap<>();
    Map<String, Integer> statusCounts = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (Bid bid : bids) {
      done.add(
          pool.submit(
              () -> {
                HttpResponse<String> r = invest(bid.user(), listing, bid.amount(), bid.key());
                statusCounts.merge(
                    r.statusCode() + (r.statusCode() == 201 ? "" : " " + code(r)), 1, Integer::sum);
                if (r.statusCode() == 201) {
                  createdByKey
                      .computeIfAbsent(
                          bid.user().userId() + "/" + bid.key(), k -> new ArrayList<>())
                      .add(json(r.body()).get("investmentId").asString());
                }
              }));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    awaitLoan(listing);

    var row = store.listing(listing).orElseThrow();
    assertThat(row.raisedMinor())
        .as("seed %s, answers %s", seed, statusCounts)
        .isEqualTo(2_000_000);
    List<InvestmentRow> stored = store.investmentsOfListing(listing);
    assertThat(stored.stream().mapToLong(InvestmentRow::amountMinor).sum()).isEqualTo(2_000_000);
    // Every 201 is a stored investment; a repeated key answered the same investment every time.
    for (List<String> ids : createdByKey.values()) {
      assertThat(ids.stream().distinct()).as("one investment per key").hasSize(1);
      assertThat(stored.stream().map(r -> r.id().toString())).contains(ids.get(0));
    }
    assertThat(stored).hasSize(createdByKey.size());
    // Each investor paid exactly what their stored investments say, nothing for refused bids.
    for (TestUser u : investors) {
      long invested =
          stored.stream()
              .filter(r -> r.investorId().equals(u.userId()))
              .mapToLong(InvestmentRow::amountMinor)
              .sum();
      var b = funds(u.userId());
      assertThat(b.totalMinor()).isEqualTo(before.get(u.userId()) - invested);
      assertThat(b.frozenMinor()).isZero();
      assertThat(b.availableMinor()).isNotNegative();
    }
    assertThat(statusCounts.keySet())
        .allMatch(k -> k.equals("201") || k.startsWith("409") || k.startsWith("422"));
  }

  /**
   * One investor 100 CNY below their holding limit bids 100 CNY on two listings at the same moment:
   * two lanes write the bids, and only one may be accepted. Several rounds, a new investor each.
   */
  @Test
  void bidsOnTwoListingsAtOnceNeverTakeAnInvestorPastTheHoldingLimit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        // BALANCED may hold 300,000 CNY.
        TestUser user = investor(301_000, IdentityTestUsers.BALANCED);
        UUID base = listing(Terms.of(300_000));
        HttpResponse<String> held = invest(user, base, "299900.00", "base");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        List<UUID> both = List.of(listing(Terms.of(10_000)), listing(Terms.of(10_000)));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (UUID l : both) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return invest(user, l, "100.00", "at-once-" + l);
                  }));
        }
        start.countDown();
        List<HttpResponse<String>> rs = new ArrayList<>();
        for (Future<HttpResponse<String>> f : answers) {
          rs.add(f.get(30, TimeUnit.SECONDS));
        }
        List<String> seen = rs.stream().map(r -> r.statusCode() + " " + r.body()).toList();
        assertThat(rs.stream().filter(r -> r.statusCode() == 201).count())
            .as("round %d: %s", round, seen)
            .isEqualTo(1);
        HttpResponse<String> refused =
            rs.stream().filter(r -> r.statusCode() != 201).findFirst().orElseThrow();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(code(refused)).isEqualTo("NOT_SUITABLE");
        assertThat(funds(user.userId()).frozenMinor())
            .as("round %d: the investor holds exactly the limit", round)
            .isEqualTo(30_000_000);
        long raised =
            both.stream().mapToLong(l -> store.listing(l).orElseThrow().raisedMinor()).sum();
        assertThat(raised).isEqualTo(10_000);
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A failed listing's refund (chunks of 2 in the tests) runs while its investors bid on another
   * listing. The chunks and the rush's batches lock the same accounts, in the ledger's one order:
   * nothing deadlocks or times out, every freeze of the failed listing is voided once, and each
   * investor ends with exactly what their bids on the other listing froze.
   */
  @Test
  void aFailureRefundingInChunksWhileItsInvestorsBidElsewhereLeavesEveryBalanceExact()
      throws Exception {
    UUID failing = listing(Terms.of(100_000).opens(clock.instant(), 1));
    List<TestUser> investors = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      TestUser u = investor(2_000);
      assertThat(invest(u, failing, "500.00", "failing").statusCode()).isEqualTo(201);
      investors.add(u);
    }
    passDays(2);
    List<TestUser> signedIn = investors.stream().map(this::signInAgain).toList();
    UUID other = listing(Terms.of(100_000));

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> answers = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<?> refund =
          pool.submit(
              () -> {
                start.await();
                funding.settle(failing);
                return null;
              });
      List<Future<HttpResponse<String>>> bids = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        String key = "elsewhere-" + round;
        for (TestUser u : signedIn) {
          bids.add(
              pool.submit(
                  () -> {
                    start.await();
                    return invest(u, other, "100.00", key);
                  }));
        }
      }
      start.countDown();
      refund.get(60, TimeUnit.SECONDS);
      for (Future<HttpResponse<String>> f : bids) {
        HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
        answers.add(r.statusCode() + " " + (r.statusCode() == 201 ? "" : code(r)));
      }
    } finally {
      pool.shutdown();
    }
    assertThat(answers).as("every bid elsewhere accepted").allMatch(a -> a.startsWith("201"));
    assertThat(store.investmentsOfListing(failing))
        .allSatisfy(i -> assertThat(i.status()).isEqualTo("REFUNDED"));
    assertThat(store.refundsPending(1_000)).doesNotContain(failing);
    var escrow =
        new com.credence.ledger.AccountId(store.listing(failing).orElseThrow().escrowAccountId());
    assertThat(ledger.account(escrow).orElseThrow().creditsPendingMinor()).isZero();
    assertThat(ledger.balance(escrow).totalMinor()).isZero();
    for (TestUser u : investors) {
      var b = funds(u.userId());
      assertThat(b.totalMinor()).isEqualTo(200_000);
      assertThat(b.frozenMinor()).as("three bids of 100 CNY elsewhere").isEqualTo(30_000);
    }
    assertThat(store.listing(other).orElseThrow().raisedMinor()).isEqualTo(12 * 3 * 10_000);
  }
}
