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
import com.credence.repayment.EndOfDay;
import com.credence.repayment.domain.HolderSplit;
import com.credence.repayment.domain.Installment;
import com.credence.repayment.domain.LoanTerms;
import com.credence.repayment.domain.ScheduleCalculator;
import com.credence.shared.AnnualRate;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Currency;
import com.credence.shared.RepaymentMethod;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * W2 of PERFORMANCE.md: one end-of-day run in which every loan has an installment due today, each
 * paid out to all of its holdings, against the COPY floor measured in the same run.
 *
 * <p>Bulk loader (documented, not the public API): opens ledger accounts for the borrowers, the
 * loans' escrows and the investors (each investor holds parts of many loans), gives every borrower
 * exactly the installment due, then writes the loans, their one-month schedules (computed by {@code
 * ScheduleCalculator}) and every holding's part (split by {@code HolderSplit}, largest remainder)
 * straight into the {@code repayment} schema with {@code COPY}, as the {@code LoanFunded} listener
 * would have stored them. The value date is a month ago, so the installment falls due today.
 *
 * <p>Baseline: {@code COPY} of as many ledger-entry-shaped rows as the run writes transfers into an
 * unindexed table on the same PostgreSQL. Checks: every holding was paid exactly its part (the
 * investors' balances equal the sums of their parts), the ledger balances, and running the day
 * again (its run record deleted, so the run really starts again) moves nothing.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.credence.bench.EndOfDayBenchmark [-Dbench.loans=10000 -Dbench.holdings=100]
 * </pre>
 *
 * Defaults: 10,000 loans x 100 holdings (1,000,000 holdings); scale down with {@code bench.loans}
 * and {@code bench.holdings}. Writes {@code target/bench/end-of-day.json}.
 */
public final class EndOfDayBenchmark {

  private static final int INVESTORS_MAX = 10_000;

  private final LedgerService ledger;
  private final LedgerChecker checker;
  private final EndOfDay endOfDay;
  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final Clock clock;

  private EndOfDayBenchmark(ConfigurableApplicationContext context) {
    this.ledger = context.getBean(LedgerService.class);
    this.checker = context.getBean(LedgerChecker.class);
    this.endOfDay = context.getBean(EndOfDay.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.dataSource = context.getBean(DataSource.class);
    this.clock = context.getBean(Clock.class);
  }

  public static void main(String[] args) throws Exception {
    int loans = Integer.getInteger("bench.loans", 10_000);
    int holdings = Integer.getInteger("bench.holdings", 100);
    // The custody instructions to the bank are a job of their own, not part of the end-of-day run,
    // and the simulated bank runs in the same database here (a real custodian does not), so the
    // job is held off while measuring.
    ConfigurableApplicationContext context =
        BenchPlatform.start(
            Path.of("target", "bench-data"), args, "--credence.bank.custody-interval=1h");
    try {
      new EndOfDayBenchmark(context).run(loans, holdings);
    } finally {
      context.close();
    }
  }

  private void run(int loans, int holdingsPerLoan) throws Exception {
    LocalDate today = BusinessCalendar.today(clock);
    // A platform in service ran end of day yesterday, so its JVM has compiled the run's code: a day
    // of the same shape is serviced first (bench.warmup-loans=0 measures a cold JVM).
    int warmup = Integer.getInteger("bench.warmup-loans", loans);
    if (warmup > 0) {
      load(warmup, holdingsPerLoan, today);
      endOfDay.run(today);
      jdbc.update("DELETE FROM repayment.eod_runs");
    }
    long loaded = System.nanoTime();
    long[] expected = load(loans, holdingsPerLoan, today);
    System.out.printf(
        Locale.ROOT,
        "Loaded %d loans x %d holdings in %.1f s%n",
        loans,
        holdingsPerLoan,
        (System.nanoTime() - loaded) / 1e9);
    // A database in service has statistics on its tables (autovacuum); freshly bulk-loaded ones
    // have none until autovacuum gets to them, so the loader gathers them as it would.
    jdbc.execute("VACUUM ANALYZE");
    long entriesBefore = entries(checker.check());

    resetHeapPeaks();
    long[] cpuBefore = cpuTicks();
    long start = System.nanoTime();
    EndOfDay.RunResult result = endOfDay.run(today);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] cpuAfter = cpuTicks();
    long heapPeak = heapPeak();

    LedgerCheckReport afterRun = checker.check();
    long written = entries(afterRun) - entriesBefore;
    double floor = copyFloor(written);

    boolean everyShare = everyHolderPaidItsShare(expected);
    long paidParts =
        jdbc.queryForObject(
            "SELECT count(*) FROM repayment.holder_installments hi JOIN repayment.installments i"
                + " ON i.loan_id = hi.loan_id AND i.number = hi.number WHERE i.status = 'PAID'",
            Long.class);
    jdbc.update("DELETE FROM repayment.eod_runs");
    endOfDay.run(today);
    LedgerCheckReport afterRerun = checker.check();
    boolean rerunMovedNothing = entries(afterRerun) == entries(afterRun);
    boolean ok =
        everyShare
            && paidParts == (long) (loans + warmup) * holdingsPerLoan
            && afterRerun.balanced()
            && rerunMovedNothing
            && "CLOSED".equals(result.status());
    String checks =
        String.format(
            Locale.ROOT,
            "status=%s, parts paid=%d of %d, every holder its share=%b, ledger balanced=%b,"
                + " second run moved nothing=%b",
            result.status(),
            paidParts,
            (long) (loans + warmup) * holdingsPerLoan,
            everyShare,
            afterRerun.balanced(),
            rerunMovedNothing);
    long holdings = (long) loans * holdingsPerLoan;
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(
        row(
            "COPY floor",
            written + " ledger-entry rows",
            floor,
            "s",
            floor,
            1.0,
            true,
            "COPY into an unindexed table"));
    rows.add(
        row(
            "end of day",
            loans
                + " loans x "
                + holdingsPerLoan
                + " holdings, CPU java "
                + String.format(Locale.ROOT, "%.1f s", (cpuAfter[0] - cpuBefore[0]) / 100.0)
                + " postgres "
                + String.format(Locale.ROOT, "%.1f s", (cpuAfter[1] - cpuBefore[1]) / 100.0)
                + ", heap peak "
                + heapPeak / 1_048_576
                + " MB, "
                + Math.round(holdings / seconds)
                + " holdings/s",
            seconds,
            "s",
            floor,
            seconds / floor,
            ok,
            checks));
    print(rows);
    write(rows);
  }

  /**
   * CPU time so far, in clock ticks (1/100 s) from /proc: this JVM's, and all PostgreSQL processes'
   * (the embedded server is this machine's). Zeros where /proc cannot be read.
   */
  private static long[] cpuTicks() {
    long[] ticks = new long[2];
    long self = ProcessHandle.current().pid();
    ProcessHandle.allProcesses()
        .forEach(
            p -> {
              try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (p.pid() == self) {
                  ticks[0] += used;
                } else if (name.startsWith("postgres")) {
                  ticks[1] += used;
                }
              } catch (IOException | RuntimeException e) {
                // Gone in the meantime, or no /proc here.
              }
            });
    return ticks;
  }

  /** Rows the ledger holds: transfers and split transfers' legs (each one ledger entry). */
  private static long entries(LedgerCheckReport report) {
    return report.transfers() + report.legs();
  }

  // ---- bulk loader ------------------------------------------------------------------------

  /** Loads the loans; answers, per investor index, the total it must receive. */
  private long[] load(int loans, int holdingsPerLoan, LocalDate today) throws Exception {
    int investorCount = Math.min(INVESTORS_MAX, Math.max(holdingsPerLoan, loans));
    AccountId bank = ledger.platformAccount(AccountKind.BANK_SETTLEMENT, Currency.CNY);
    List<AccountId> investors = new ArrayList<>(investorCount);
    for (int i = 0; i < investorCount; i++) {
      investors.add(
          ledger.openAccount(AccountKind.INVESTOR_FUNDS, UUID.randomUUID(), Currency.CNY));
    }
    long[] expected = new long[investorCount];
    Random random = new Random(42);
    LocalDate valueDate = today.minusMonths(1);
    StringBuilder loanRows = new StringBuilder();
    StringBuilder installmentRows = new StringBuilder();
    StringBuilder holdingRows = new StringBuilder();
    StringBuilder partRows = new StringBuilder();
    List<CreateTransfer> deposits = new ArrayList<>();
    for (int l = 0; l < loans; l++) {
      UUID loanId = UUID.randomUUID();
      UUID borrowerId = UUID.randomUUID();
      AccountId borrower = ledger.openAccount(AccountKind.BORROWER_FUNDS, borrowerId, Currency.CNY);
      AccountId escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, loanId, Currency.CNY);
      long[] weights = new long[holdingsPerLoan];
      long principal = 0;
      for (int h = 0; h < holdingsPerLoan; h++) {
        weights[h] = 50_00 + random.nextInt(150_00);
        principal += weights[h];
      }
      int rateBps = 600 + random.nextInt(600);
      Installment due =
          ScheduleCalculator.schedule(
                  new LoanTerms(
                      principal,
                      AnnualRate.ofBps(rateBps),
                      1,
                      RepaymentMethod.EQUAL_INSTALLMENT,
                      valueDate))
              .get(0);
      long fee = 100;
      HolderSplit.Parts parts =
          HolderSplit.split(due.principalMinor(), due.interestMinor(), 1000, weights);
      loanRows
          .append(
              String.join(
                  "\t",
                  loanId.toString(),
                  UUID.randomUUID().toString(),
                  borrowerId.toString(),
                  Long.toString(principal),
                  Integer.toString(rateBps),
                  "1",
                  "EQUAL_INSTALLMENT",
                  valueDate.toString(),
                  escrow.value().toString(),
                  borrower.value().toString(),
                  Long.toString(fee),
                  "1000",
                  "REPAYING",
                  clock.instant().toString()))
          .append('\n');
      installmentRows
          .append(
              String.join(
                  "\t",
                  loanId.toString(),
                  "1",
                  due.dueDate().toString(),
                  Long.toString(due.principalMinor()),
                  Long.toString(due.interestMinor()),
                  Long.toString(fee),
                  Long.toString(parts.serviceFeeMinor())))
          .append('\n');
      for (int h = 0; h < holdingsPerLoan; h++) {
        int investor = (l * holdingsPerLoan + h) % investorCount;
        UUID holdingId = UUID.randomUUID();
        holdingRows
            .append(
                String.join(
                    "\t",
                    holdingId.toString(),
                    loanId.toString(),
                    UUID.randomUUID().toString(),
                    investors.get(investor).value().toString(),
                    Long.toString(weights[h]),
                    Integer.toString(h)))
            .append('\n');
        partRows
            .append(
                String.join(
                    "\t",
                    loanId.toString(),
                    "1",
                    holdingId.toString(),
                    due.dueDate().toString(),
                    Long.toString(parts.principalMinor()[h]),
                    Long.toString(parts.interestMinor()[h])))
            .append('\n');
        expected[investor] += parts.principalMinor()[h] + parts.interestMinor()[h];
      }
      deposits.add(
          CreateTransfer.single(
              TransferId.newId(clock),
              bank,
              borrower,
              due.totalMinor() + fee,
              Currency.CNY,
              TransferCode.DEPOSIT,
              "bench deposit"));
      if (deposits.size() == 5_000) {
        ledger.createTransfers(deposits, BatchMode.ATOMIC);
        deposits.clear();
      }
      if (partRows.length() > 20_000_000 || l == loans - 1) {
        copy(loanRows, installmentRows, holdingRows, partRows);
      }
    }
    if (!deposits.isEmpty()) {
      ledger.createTransfers(deposits, BatchMode.ATOMIC);
    }
    this.investorAccounts = investors;
    return expected;
  }

  private List<AccountId> investorAccounts = List.of();

  private void copy(
      StringBuilder loans, StringBuilder installments, StringBuilder holdings, StringBuilder parts)
      throws SQLException, IOException {
    try (Connection c = dataSource.getConnection()) {
      PGConnection pg = c.unwrap(PGConnection.class);
      pg.getCopyAPI()
          .copyIn(
              "COPY repayment.loans (loan_id, listing_id, borrower_id, principal_minor,"
                  + " annual_rate_bps, term_months, method, value_date, escrow_account,"
                  + " borrower_account, monthly_fee_minor, service_fee_bps, status, created_at)"
                  + " FROM STDIN",
              new StringReader(loans.toString()));
      pg.getCopyAPI()
          .copyIn(
              "COPY repayment.installments (loan_id, number, due_date, principal_minor,"
                  + " interest_minor, fee_minor, service_fee_minor) FROM STDIN",
              new StringReader(installments.toString()));
      pg.getCopyAPI()
          .copyIn(
              "COPY repayment.holdings (holding_id, loan_id, investor_id, investor_account,"
                  + " principal_minor, position) FROM STDIN",
              new StringReader(holdings.toString()));
      pg.getCopyAPI()
          .copyIn(
              "COPY repayment.holder_installments (loan_id, number, holding_id, due_date,"
                  + " principal_minor, interest_minor) FROM STDIN",
              new StringReader(parts.toString()));
    }
    loans.setLength(0);
    installments.setLength(0);
    holdings.setLength(0);
    parts.setLength(0);
  }

  // ---- baseline and checks ----------------------------------------------------------------

  /** Seconds to COPY {@code rows} ledger-entry-shaped rows into an unindexed table. */
  private double copyFloor(long rows) throws SQLException, IOException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS public.bench_copy_floor (id uuid, debit uuid,"
              + " credit uuid, amount_minor bigint, code text, reference text, business_date"
              + " date, created_at timestamptz)");
      s.execute("TRUNCATE public.bench_copy_floor");
    }
    StringBuilder data = new StringBuilder();
    String date = BusinessCalendar.today(clock).toString();
    String now = clock.instant().toString();
    for (long i = 0; i < rows; i++) {
      data.append(UUID.randomUUID())
          .append('\t')
          .append(UUID.randomUUID())
          .append('\t')
          .append(UUID.randomUUID())
          .append('\t')
          .append(1_000 + i % 1_000)
          .append("\tDISTRIBUTION\tdistribution bench\t")
          .append(date)
          .append('\t')
          .append(now)
          .append('\n');
    }
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY public.bench_copy_floor FROM STDIN", new StringReader(data.toString()));
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private boolean everyHolderPaidItsShare(long[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (ledger.balance(investorAccounts.get(i)).totalMinor() != expected[i]) {
        System.out.printf(
            Locale.ROOT,
            "investor %d: balance %d, expected %d%n",
            i,
            ledger.balance(investorAccounts.get(i)).totalMinor(),
            expected[i]);
        return false;
      }
    }
    return true;
  }

  private static void resetHeapPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static Map<String, Object> row(
      String workload,
      String parameters,
      double figure,
      String unit,
      double baseline,
      double ratio,
      boolean checksPassed,
      String checks) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("workload", workload);
    row.put("parameters", parameters);
    row.put("figure", Math.round(figure * 100) / 100.0);
    row.put("unit", unit);
    row.put("baseline", Math.round(baseline * 100) / 100.0);
    row.put("ratio", Math.round(ratio * 100) / 100.0);
    row.put("target", 3.0);
    row.put("checksPassed", checksPassed);
    row.put("checks", checks);
    return row;
  }

  private static void print(List<Map<String, Object>> rows) {
    System.out.printf(
        Locale.ROOT,
        "%-12s | %-70s | %9s | %9s | %6s | %s%n",
        "workload",
        "parameters",
        "figure",
        "baseline",
        "ratio",
        "checks");
    for (Map<String, Object> r : rows) {
      System.out.printf(
          Locale.ROOT,
          "%-12s | %-70s | %8s%s | %8ss | %6s | %s: %s%n",
          r.get("workload"),
          r.get("parameters"),
          r.get("figure"),
          r.get("unit"),
          r.get("baseline"),
          r.get("ratio"),
          Boolean.TRUE.equals(r.get("checksPassed")) ? "PASS" : "FAIL",
          r.get("checks"));
    }
  }

  private static void write(List<Map<String, Object>> rows) throws IOException {
    Path out = Path.of("target", "bench", "end-of-day.json");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out,
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    System.out.println("Wrote " + out);
  }
}
