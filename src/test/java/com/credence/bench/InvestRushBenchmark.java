package com.credence.bench;

import com.credence.bench.BenchTable.Row;
import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.investment.ListingStatus;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerCheckReport;
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
import com.credence.support.HttpsClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * W1, the invest rush (PERFORMANCE.md), against pgbench TPC-B in the same run.
 *
 * <p>Starts the platform on a fresh embedded PostgreSQL (fsync on) under {@code
 * target/bench-invest-data}, loads the data, rushes a warm-up listing, runs pgbench TPC-B (32
 * clients), then lets {@code bench.clients} HTTP connections (wrk with {@code
 * bench/invest-rush.lua} when wrk is installed, Java clients otherwise) bid 50-200 CNY on the open
 * listings through {@code POST /api/v1/listings/{id}/investments} (bearer tokens, one idempotency
 * key per request) until every listing is full. Demand exceeds supply, so late bids are refused.
 * Prints one table and writes it to {@code target/bench/invest-rush.json}.
 *
 * <p>The loader goes through the application: investors are registered, verified, assessed and
 * signed in through the public API (as {@code IdentityTestUsers} does), and funded with ledger
 * deposits in batches of 1,000 (the ledger's deposit flow, without the simulated bank's round
 * trip); listings are opened by publishing {@code LoanApproved} as origination does. Their
 * passwords are hashed with a light Argon2 work factor (1 MiB, one pass; {@code
 * credence.identity.passwords.*}), which no request of the rush uses.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.credence.bench.InvestRushBenchmark -Dbench.investors=1000 -Dbench.listings=2
 * </pre>
 *
 * Options: {@code bench.investors} (default 20,000), {@code bench.listings} (20), {@code
 * bench.listing-yuan} (1,000,000), {@code bench.clients} (64), {@code bench.pgbench.seconds} (30),
 * {@code bench.pgbench} (binary), {@code bench.warmup-yuan} (100,000: a listing of this size rushed
 * first and not counted; 0 = none), {@code bench.wrk} ({@code /usr/bin/wrk}), {@code
 * bench.java-driver} (true = Java clients even when wrk is installed). The default shape's 20,000
 * investors are five API calls each to load; the flags scale it down for a quick run.
 */
public final class InvestRushBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConfigurableApplicationContext context;
  private final LedgerService ledger;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final HttpsClient http;
  private final String baseUrl;

  private InvestRushBenchmark(ConfigurableApplicationContext context, Path dataDir) {
    this.context = context;
    this.ledger = context.getBean(LedgerService.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.clock = context.getBean(Clock.class);
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8443"));
    this.http = new HttpsClient(dataDir, port);
    this.baseUrl = "https://localhost:" + port;
  }

  /** One answered bid. */
  record Answer(
      int status,
      long nanos,
      String listingId,
      String investmentId,
      long amountMinor,
      UUID investor) {}

  public static void main(String[] args) throws Exception {
    int investors = Integer.getInteger("bench.investors", 20_000);
    int listings = Integer.getInteger("bench.listings", 20);
    long listingYuan = Long.getLong("bench.listing-yuan", 1_000_000L);
    int clients = Integer.getInteger("bench.clients", 64);
    int pgbenchSeconds = Integer.getInteger("bench.pgbench.seconds", 30);
    long warmupYuan = Long.getLong("bench.warmup-yuan", 100_000L);
    Path dataDir = Path.of("target", "bench-invest-data");
    ConfigurableApplicationContext context =
        BenchPlatform.start(
            dataDir,
            args,
            "--credence.embedded-postgres.pool-size=40",
            // The investors are throw-away users: their passwords are hashed with a light work
            // factor so that loading 20,000 does not take twenty minutes of Argon2. No password is
            // hashed during the rush (bearer tokens).
            "--credence.identity.passwords.argon2-memory-kib=1024",
            "--credence.identity.passwords.argon2-iterations=1");
    try {
      InvestRushBenchmark bench = new InvestRushBenchmark(context, dataDir);
      long started = System.nanoTime();
      List<TestUser> users = bench.investors(investors);
      List<UUID> ids = bench.listings(listings, listingYuan);
      System.out.printf(
          Locale.ROOT,
          "loaded %d investors and %d listings in %.0f s%n",
          users.size(),
          ids.size(),
          (System.nanoTime() - started) / 1e9);
      // A listing of its own rushed first and not counted: the JIT compiles the invest path and
      // the rush measures a warm server, as a platform that has been up meets its rush.
      List<UUID> warm = warmupYuan > 0 ? bench.listings(1, warmupYuan) : List.of();
      Driven warmup = bench.drive(users, warm, clients);
      System.out.printf(
          Locale.ROOT,
          "warm-up: %d bids answered in %.1f s%n",
          warmup.answers().size(),
          warmup.seconds());
      double tps = Pgbench.tpcB(context.getBean(EmbeddedPostgres.class), pgbenchSeconds);
      Driven rush = bench.drive(users, ids, clients);
      List<Row> rows = bench.rows(rush, warmup, ids, warm, users, tps, clients, listingYuan);
      rows.add(
          0,
          new Row(
              "pgbench TPC-B",
              Pgbench.parameters(pgbenchSeconds),
              String.format(Locale.ROOT, "%.0f tps", tps),
              "",
              "",
              tps > 0,
              "pgbench ran"));
      BenchTable.print(rows, 36, 52, 26, 10, 14, 7);
      BenchTable.write(rows, "invest-rush.json");
    } finally {
      context.close();
    }
  }

  /** Investors through the public API, funded with 5,000 CNY each (demand exceeds supply). */
  private List<TestUser> investors(int count) throws Exception {
    List<TestUser> users = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      done.add(
          pool.submit(
              () -> users.add(IdentityTestUsers.investor(http, IdentityTestUsers.AGGRESSIVE))));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    AccountId bank = ledger.platformAccount(AccountKind.BANK_SETTLEMENT, Currency.CNY);
    List<CreateTransfer> deposits = new ArrayList<>();
    for (TestUser u : users) {
      AccountId funds = ledger.openAccount(AccountKind.INVESTOR_FUNDS, u.userId(), Currency.CNY);
      deposits.add(
          CreateTransfer.single(
              TransferId.newId(clock),
              bank,
              funds,
              Money.yuan(5_000),
              TransferCode.DEPOSIT,
              "bench-deposit"));
      if (deposits.size() == 1_000) {
        ledger.createTransfers(deposits, BatchMode.ATOMIC);
        deposits.clear();
      }
    }
    if (!deposits.isEmpty()) {
      ledger.createTransfers(deposits, BatchMode.ATOMIC);
    }
    return users;
  }

  /** Company listings opened the way origination opens them; waits until they accept bids. */
  private List<UUID> listings(int count, long yuan) throws InterruptedException {
    ApplicationEventPublisher events = context;
    TransactionTemplate tx = context.getBean(TransactionTemplate.class);
    List<UUID> applications = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LoanApproved e =
          new LoanApproved(
              UUID.randomUUID(),
              UUID.randomUUID(),
              ProductType.BUSINESS,
              LoanPurpose.BUSINESS,
              Money.yuan(yuan),
              AnnualRate.ofBps(950),
              12,
              RepaymentMethod.EQUAL_INSTALLMENT,
              Grade.B,
              Money.yuan(50),
              Money.yuan(50),
              7,
              false,
              null,
              Money.yuan(0),
              Money.yuan(0),
              1000,
              new LoanApproved.Disclosure("企业 · 成立8年 · 上海", null, "B级", "借款人可能逾期"));
      applications.add(e.applicationId());
      tx.executeWithoutResult(s -> events.publishEvent(e));
    }
    List<UUID> ids = new ArrayList<>();
    for (UUID app : applications) {
      while (true) {
        List<UUID> found =
            jdbc.queryForList(
                "SELECT id FROM investment.listings WHERE application_id = ? AND auto_invest_done",
                UUID.class,
                app);
        if (!found.isEmpty()) {
          ids.add(found.get(0));
          break;
        }
        Thread.sleep(50);
      }
    }
    return ids;
  }

  /** What a driver brought back: every answered bid, the refusals by code, the rush's length. */
  record Driven(List<Answer> answers, Map<String, Integer> codes, double seconds, String driver) {}

  /**
   * The idempotency keys' prefix of one drive. The warm-up and the rush bid for the same investors,
   * and an investor's key used again with another body is refused as reused.
   */
  private static String runKeys() {
    return "rush-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Bids on {@code listings} until every one is full, then waits until they are disbursed. */
  private Driven drive(List<TestUser> users, List<UUID> listings, int clients) throws Exception {
    if (listings.isEmpty()) {
      return new Driven(List.of(), Map.of(), 0, "");
    }
    // wrk (Debian package) when it is installed, as W3 does: the Java clients take about a fifth of
    // the two cores themselves (profiled), so they would measure the driver as much as the server.
    String wrk = System.getProperty("bench.wrk", "/usr/bin/wrk");
    Driven driven =
        Files.isExecutable(Path.of(wrk)) && !Boolean.getBoolean("bench.java-driver")
            ? rushWithWrk(wrk, users, listings, clients)
            : rushWithJava(users, listings, clients);
    // Full listings are disbursed after their last batch: wait for that before checking.
    for (UUID id : listings) {
      while (jdbc.queryForObject(
          "SELECT loan_id IS NULL FROM investment.listings WHERE id = ?", Boolean.class, id)) {
        Thread.sleep(100);
      }
    }
    return driven;
  }

  /**
   * The rush through {@code src/test/resources/bench/invest-rush.lua}: 2 wrk threads, {@code
   * clients} connections, the same bids and stop rule as {@link #rushWithJava}; each answer is
   * matched to its bid through the request id the server echoes.
   */
  private Driven rushWithWrk(String wrk, List<TestUser> users, List<UUID> listings, int clients)
      throws IOException, InterruptedException {
    Path dir = Files.createDirectories(Path.of("target", "bench", "wrk")).toAbsolutePath();
    Path listingFile = dir.resolve("rush.listings");
    Files.write(listingFile, listings.stream().map(UUID::toString).toList());
    Path tokenFile = dir.resolve("rush.tokens");
    Files.write(tokenFile, users.stream().map(TestUser::token).toList());
    Path script = dir.resolve("invest-rush.lua");
    try (InputStream in = InvestRushBenchmark.class.getResourceAsStream("/bench/invest-rush.lua")) {
      Files.copy(java.util.Objects.requireNonNull(in), script, StandardCopyOption.REPLACE_EXISTING);
    }
    String prefix = dir.resolve("rush-answers").toString();
    for (int t = 1; t <= 2; t++) {
      Files.deleteIfExists(Path.of(prefix + "-" + t + ".tsv"));
      Files.deleteIfExists(Path.of(prefix + "-" + t + ".done"));
    }
    Process process =
        new ProcessBuilder(
                wrk,
                "-t2",
                "-c" + clients,
                "-d600s",
                "--timeout",
                "60s",
                "-s",
                script.toString(),
                baseUrl,
                "--",
                listingFile.toString(),
                tokenFile.toString(),
                prefix,
                runKeys())
            .redirectErrorStream(true)
            .start();
    // wrk runs for its whole duration even when its threads have stopped; SIGINT ends it.
    while (process.isAlive()
        && !(Files.exists(Path.of(prefix + "-1.done"))
            && Files.exists(Path.of(prefix + "-2.done")))) {
      Thread.sleep(100);
    }
    if (process.isAlive()) {
      new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    List<Answer> answers = new ArrayList<>();
    Map<String, Integer> codes = new ConcurrentHashMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int t = 1; t <= 2; t++) {
      for (String line : Files.readAllLines(Path.of(prefix + "-" + t + ".tsv"))) {
        String[] f = line.split("\t");
        int status = Integer.parseInt(f[0]);
        long latencyMicros = Long.parseLong(f[1]);
        long at = Long.parseLong(f[2]);
        int listing = Integer.parseInt(f[3]);
        int user = Integer.parseInt(f[5]);
        first = Math.min(first, at - latencyMicros);
        last = Math.max(last, at);
        if (status != 201) {
          codes.merge(status + " " + f[6], 1, Integer::sum);
        }
        answers.add(
            new Answer(
                status,
                latencyMicros * 1_000,
                listing == 0 ? "" : listings.get(listing - 1).toString(),
                status == 201 ? f[6] : "",
                Long.parseLong(f[4]),
                user == 0 ? new UUID(0, 0) : users.get(user - 1).userId()));
      }
    }
    String errors = out.lines().filter(l -> l.contains("Socket errors")).findFirst().orElse("");
    if (!errors.isEmpty()) {
      codes.put("wrk " + errors.strip(), 1);
    }
    return new Driven(answers, codes, answers.isEmpty() ? 0 : (last - first) / 1e6, "wrk");
  }

  private Driven rushWithJava(List<TestUser> users, List<UUID> listings, int clients)
      throws Exception {
    List<UUID> open = new java.util.concurrent.CopyOnWriteArrayList<>(listings);
    List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> codes = new ConcurrentHashMap<>();
    AtomicLong keys = new AtomicLong();
    String run = runKeys();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!open.isEmpty()) {
                  UUID listing;
                  try {
                    listing = open.get(random.nextInt(open.size()));
                  } catch (IndexOutOfBoundsException e) {
                    continue;
                  }
                  TestUser user = users.get(random.nextInt(users.size()));
                  long amount = (1 + random.nextInt(4)) * 5_000L;
                  long t0 = System.nanoTime();
                  HttpResponse<String> r =
                      http.send(
                          http.request("/api/v1/listings/" + listing + "/investments")
                              .header("Content-Type", "application/json")
                              .header("Authorization", "Bearer " + user.token())
                              .header("Idempotency-Key", run + "-" + keys.incrementAndGet())
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      "{\"amount\":\"" + Money.cny(amount).toApiString() + "\"}",
                                      StandardCharsets.UTF_8)));
                  long nanos = System.nanoTime() - t0;
                  String id = "";
                  if (r.statusCode() == 201) {
                    id = JSON.readTree(r.body()).get("investmentId").asString();
                  } else {
                    String code = JSON.readTree(r.body()).path("code").asString();
                    codes.merge(r.statusCode() + " " + code, 1, Integer::sum);
                    if ("LISTING_NOT_OPEN".equals(code)) {
                      open.remove(listing);
                    }
                  }
                  answers.add(
                      new Answer(
                          r.statusCode(), nanos, listing.toString(), id, amount, user.userId()));
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Driven(answers, codes, seconds, "Java clients");
  }

  private List<Row> rows(
      Driven driven,
      Driven warmup,
      List<UUID> listings,
      List<UUID> warm,
      List<TestUser> users,
      double tps,
      int clients,
      long listingYuan) {
    List<Answer> answers = driven.answers();
    Map<String, Integer> codes = driven.codes();
    double seconds = driven.seconds();
    List<Answer> accepted = answers.stream().filter(a -> a.status() == 201).toList();
    long[] acceptedNanos = accepted.stream().mapToLong(Answer::nanos).sorted().toArray();
    long[] refusedNanos =
        answers.stream().filter(a -> a.status() != 201).mapToLong(Answer::nanos).sorted().toArray();
    double perSecond = accepted.size() / seconds;
    long[] all = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
    double p99 = BenchTable.percentile(all, 0.99);
    List<Row> rows = new ArrayList<>();
    String shape =
        listings.size()
            + " x "
            + listingYuan
            + " CNY, "
            + users.size()
            + " investors, "
            + clients
            + " clients ("
            + driven.driver()
            + ")";
    rows.add(
        new Row(
            "W1 accepted investments",
            shape,
            String.format(Locale.ROOT, "%.0f /s", perSecond),
            String.format(Locale.ROOT, "%.0f tps", tps),
            String.format(Locale.ROOT, "%.2f (>= 1.0)", perSecond / tps),
            perSecond >= tps,
            accepted.size() + " accepted in " + String.format(Locale.ROOT, "%.1f s", seconds)));
    rows.add(
        new Row(
            "W1 latency, accepted",
            "p50 / p99 / max",
            latencies(acceptedNanos),
            "",
            "",
            BenchTable.percentile(acceptedNanos, 0.99) <= 100e6,
            "target p99 <= 100 ms"));
    rows.add(
        new Row(
            "W1 latency, refused",
            "p50 / p99 / max",
            latencies(refusedNanos),
            "",
            "",
            true,
            "refusals " + codes));
    rows.add(
        new Row(
            "W1 latency, all",
            "p99",
            String.format(Locale.ROOT, "%.1f ms", p99 / 1e6),
            "",
            "",
            p99 <= 100e6,
            "target p99 <= 100 ms"));
    // The checks cover the warm-up too: its bids moved money like any other.
    List<Answer> allAccepted = new ArrayList<>(accepted);
    warmup.answers().stream().filter(a -> a.status() == 201).forEach(allAccepted::add);
    List<UUID> allListings = new ArrayList<>(listings);
    allListings.addAll(warm);
    rows.addAll(checks(allAccepted, allListings, users));
    return rows;
  }

  private List<Row> checks(List<Answer> accepted, List<UUID> listings, List<TestUser> users) {
    List<Row> rows = new ArrayList<>();
    long over =
        jdbc.queryForObject(
            "SELECT count(*) FROM investment.listings WHERE raised_minor > amount_minor",
            Long.class);
    rows.add(Row.check("no listing oversold", over == 0, over + " listings above their amount"));
    long notExact = 0;
    for (UUID id : listings) {
      Map<String, Object> l =
          jdbc.queryForMap(
              """
              SELECT l.status, l.raised_minor, l.amount_minor,
                     (SELECT coalesce(sum(amount_minor), 0) FROM investment.investments i
                       WHERE i.listing_id = l.id) AS invested
                FROM investment.listings l WHERE l.id = ?
              """,
              id);
      // Disbursed, the listing goes on to REPAYING once the repayment module booked the loan.
      Object status = l.get("status");
      boolean full =
          ListingStatus.FULL.name().equals(status) || ListingStatus.REPAYING.name().equals(status);
      long amountMinor = ((Number) l.get("amount_minor")).longValue();
      if (!full
          || ((Number) l.get("raised_minor")).longValue() != amountMinor
          || ((Number) l.get("invested")).longValue() != amountMinor) {
        notExact++;
      }
    }
    rows.add(
        Row.check(
            "every listing full, exactly",
            notExact == 0,
            notExact + " listings not FULL (or REPAYING) with raised = invested = amount"));
    long missing = 0;
    for (Answer a : accepted) {
      Long n =
          jdbc.queryForObject(
              """
              SELECT count(*) FROM investment.investments i
                JOIN ledger.transfer t ON t.id = i.transfer_id AND t.type = 'PENDING'
               WHERE i.id = ?::uuid AND i.amount_minor = ?
              """,
              Long.class,
              a.investmentId(),
              a.amountMinor());
      if (n == null || n != 1) {
        missing++;
      }
    }
    rows.add(
        Row.check(
            "every 201 persisted and frozen",
            missing == 0,
            accepted.size() + " answers, " + missing + " without investment or freeze"));
    long acceptedSum = accepted.stream().mapToLong(Answer::amountMinor).sum();
    long spent = 0;
    long negative = 0;
    for (TestUser u : users) {
      var b =
          ledger.balance(ledger.openAccount(AccountKind.INVESTOR_FUNDS, u.userId(), Currency.CNY));
      spent += Money.yuan(5_000).amountMinor() - b.totalMinor();
      if (b.availableMinor() < 0) {
        negative++;
      }
    }
    rows.add(Row.check("no balance below zero", negative == 0, negative + " investors below zero"));
    rows.add(
        Row.check(
            "refused bids moved nothing",
            spent == acceptedSum,
            "investors paid " + spent + " fen, accepted " + acceptedSum + " fen"));
    LedgerCheckReport report = context.getBean(LedgerChecker.class).check();
    rows.add(
        Row.check(
            "ledger balances",
            report.balanced() && report.sumOfBalancesMinor() == 0,
            "balanced=" + report.balanced() + ", sumOfBalances=" + report.sumOfBalancesMinor()));
    return rows;
  }

  private static String latencies(long[] sorted) {
    if (sorted.length == 0) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.1f / %.1f / %.1f ms",
        BenchTable.percentile(sorted, 0.5) / 1e6,
        BenchTable.percentile(sorted, 0.99) / 1e6,
        Arrays.stream(sorted).max().orElse(0) / 1e6);
  }
}
