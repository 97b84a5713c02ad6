package com.credence.bench;

import com.credence.bench.BenchTable.Row;
import com.credence.support.HttpsClient;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * W3, browsing (PERFORMANCE.md): the listings API and the listing page against {@code GET
 * /actuator/health/liveness} on the same server in the same run.
 *
 * <p>Starts the platform on a fresh embedded PostgreSQL under {@code target/bench-browse-data} with
 * its own settings (nothing tuned for the benchmark), loads {@code bench.listings} listings, warms
 * up, then lets {@code bench.clients} HTTP/1.1 keep-alive connections (one per client thread) send
 * requests for {@code bench.seconds} per workload:
 *
 * <ul>
 *   <li>baseline: {@code GET /actuator/health/liveness};
 *   <li>{@code GET /api/v1/listings?status=OPEN&...}: pages of 20 with random filters (grade, term,
 *       minimum rate, product), a random sort and mostly the first pages, like people browsing;
 *   <li>{@code GET /listings/{id}}: the listing page HTML of a random listing.
 * </ul>
 *
 * Every answer must be 200 and well-formed (the API page parsed, at most 20 items, OPEN only; the
 * page a whole HTML document with the listing's title). Afterwards a sample of API pages is
 * compared with what the database says for the same filter, sort and page (computed here from one
 * SQL read of every listing, independently of the platform's query). Prints one table and writes it
 * to {@code target/bench/browse.json}.
 *
 * <p>Bulk loader (documented, not the public API): listings are written straight into {@code
 * investment.listings} with {@code COPY}, as {@code ListingOpener} stores them, from a seeded
 * generator: grades A-E with rates by grade, terms 3-36 months, the three products, amounts of
 * 10,000 to 1,000,000 CNY, created over the last 30 days; 80% OPEN (raised 0-95%, deadline in the
 * coming week), the rest FULL, FAILED, REPAYING or SETTLED (disbursed ones with a loan id and value
 * date). Escrow accounts are not opened in the ledger: browsing moves no money, and the deadline
 * and auto-invest jobs find nothing to do (no OPEN listing past its deadline, auto-invest marked
 * done).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.credence.bench.BrowseBenchmark
 * </pre>
 *
 * Options: {@code bench.listings} (10,000), {@code bench.clients} (64), {@code bench.seconds} (20
 * per workload), {@code bench.warmup-seconds} (10 per workload), {@code bench.samples} (200 pages
 * compared with the database).
 */
public final class BrowseBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] GRADES = {"A", "B", "C", "D", "E"};
  private static final int[] GRADE_WEIGHTS = {15, 30, 30, 15, 10};
  private static final int[] TERMS = {3, 6, 12, 18, 24, 36};
  private static final String[] PRODUCTS = {"CREDIT", "CAR", "BUSINESS"};
  private static final String[] SORTS = {
    "NEWEST", "RATE_DESC", "RATE_ASC", "TERM_ASC", "CLOSING", "PROGRESS"
  };
  private static final String[] MIN_RATES = {"0.0800", "0.1000", "0.1200", "0.1400"};
  private static final int PAGE_SIZE = 20;

  private static final String ALL_LISTINGS =
      """
      SELECT id, status, grade, term_months, annual_rate_bps, product, amount_minor, raised_minor,
             closes_at, created_at
        FROM investment.listings
      """;

  private final ConfigurableApplicationContext context;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Path dataDir;
  private final String baseUrl;
  private final ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(this::newClient);

  private BrowseBenchmark(ConfigurableApplicationContext context, Path dataDir) {
    this.context = context;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.clock = context.getBean(Clock.class);
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8443"));
    this.baseUrl = "https://localhost:" + port;
    this.dataDir = dataDir;
  }

  /**
   * One visitor per client thread: its own HTTP/1.1 keep-alive connection (as wrk holds one per
   * connection) and its own cookies, as a browser keeps its session.
   */
  private HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(HttpsClient.trusting(dataDir))
        .cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** What one workload measured. */
  record Result(
      String name,
      long requests,
      double seconds,
      double p50Millis,
      double p99Millis,
      double maxMillis,
      long failures,
      List<String> firstFailures) {

    static Result of(
        String name,
        long requests,
        double seconds,
        long[] sortedNanos,
        long failures,
        List<String> firstFailures) {
      return new Result(
          name,
          requests,
          seconds,
          BenchTable.percentile(sortedNanos, 0.5) / 1e6,
          BenchTable.percentile(sortedNanos, 0.99) / 1e6,
          sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6,
          failures,
          firstFailures);
    }

    double perSecond() {
      return requests / seconds;
    }
  }

  /** One API request the clients sent, kept for the comparison with the database. */
  record Query(
      String grade, Integer termMonths, String minRate, String product, String sort, int page) {

    String path() {
      StringBuilder p = new StringBuilder("/api/v1/listings?status=OPEN");
      if (grade != null) {
        p.append("&grade=").append(grade);
      }
      if (termMonths != null) {
        p.append("&termMonths=").append(termMonths);
      }
      if (minRate != null) {
        p.append("&minRate=").append(minRate);
      }
      if (product != null) {
        p.append("&product=").append(product);
      }
      return p.append("&sort=")
          .append(sort)
          .append("&page=")
          .append(page)
          .append("&size=20")
          .toString();
    }
  }

  /** A listing as the database has it, for the oracle. */
  record Listing(
      String id,
      String status,
      String grade,
      int termMonths,
      int rateBps,
      String product,
      long amountMinor,
      long raisedMinor,
      Instant closesAt,
      Instant createdAt) {

    long progress() {
      return raisedMinor * 10_000 / amountMinor;
    }
  }

  /** A client's request maker and answer check (null when the answer is right). */
  interface Workload {
    String path(ThreadLocalRandom random);

    String check(HttpResponse<String> r);
  }

  public static void main(String[] args) throws Exception {
    int listings = Integer.getInteger("bench.listings", 10_000);
    int clients = Integer.getInteger("bench.clients", 64);
    int seconds = Integer.getInteger("bench.seconds", 20);
    int warmup = Integer.getInteger("bench.warmup-seconds", 10);
    int samples = Integer.getInteger("bench.samples", 200);
    Path dataDir = Path.of("target", "bench-browse-data");
    ConfigurableApplicationContext context = BenchPlatform.start(dataDir, args);
    try {
      BrowseBenchmark bench = new BrowseBenchmark(context, dataDir);
      long started = System.nanoTime();
      List<String> ids = bench.load(listings, new Random(20_261_125L));
      System.out.println(
          "PostgreSQL on port "
              + context
                  .getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)
                  .getPort());
      System.out.printf(
          Locale.ROOT,
          "loaded %d listings in %.1f s%n",
          ids.size(),
          (System.nanoTime() - started) / 1e9);
      List<Row> rows = bench.run(ids, clients, seconds, warmup, samples);
      BenchTable.print(rows, 44, 46, 44, 12, 14, 7);
      BenchTable.write(rows, "browse.json");
    } finally {
      context.close();
    }
  }

  // ---- bulk loader ------------------------------------------------------------------------

  /** Writes {@code count} listings with COPY; returns their ids. */
  private List<String> load(int count, Random random) throws SQLException, IOException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    StringBuilder data = new StringBuilder();
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String grade = GRADES[weighted(random, GRADE_WEIGHTS)];
      int gradeIndex = grade.charAt(0) - 'A';
      int rateBps = 600 + gradeIndex * 250 + random.nextInt(26) * 10;
      int term = TERMS[random.nextInt(TERMS.length)];
      String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      long amountMinor = (10 + random.nextInt(991)) * 1_000L * 100;
      long step = 50 * 100L;
      int roll = random.nextInt(100);
      String status =
          roll < 80
              ? "OPEN"
              : roll < 85 ? "FULL" : roll < 90 ? "FAILED" : roll < 97 ? "REPAYING" : "SETTLED";
      Instant created = now.minus(random.nextLong(30L * 24 * 3600 * 1_000_000), ChronoUnit.MICROS);
      Instant closes;
      long raised;
      String loanId = "\\N";
      String principal = "\\N";
      String valueDate = "\\N";
      if ("OPEN".equals(status)) {
        // Opened within the last 30 days, deadline in the coming week (not during the run).
        closes = now.plus(3600 + random.nextLong(7L * 24 * 3600), ChronoUnit.SECONDS);
        raised = random.nextLong(amountMinor * 95 / 100 / step + 1) * step;
      } else {
        closes = created.plus(7, ChronoUnit.DAYS);
        raised = "FAILED".equals(status) ? random.nextLong(amountMinor / 2 / step) * step : 0;
        if (!"FAILED".equals(status)) {
          raised = amountMinor;
          loanId = UUID.randomUUID().toString();
          principal = String.valueOf(amountMinor);
          valueDate = created.plus(7, ChronoUnit.DAYS).toString().substring(0, 10);
        }
      }
      String id = UUID.randomUUID().toString();
      ids.add(id);
      String title =
          switch (product) {
                case "CAR" -> "车贷";
                case "BUSINESS" -> "经营贷";
                default -> "信用贷";
              }
              + " · "
              + term
              + "个月 · "
              + grade
              + "级 · #"
              + (100_000 + i);
      String collateral = "CAR".equals(product) ? "车辆 · 2019年 · 沪A****8" : "\\N";
      String[] columns = {
        id,
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        title,
        product,
        "CAR".equals(product) ? "USED_CAR" : "BUSINESS".equals(product) ? "BUSINESS" : "EDUCATION",
        grade,
        String.valueOf(rateBps),
        String.valueOf(term),
        random.nextBoolean() ? "EQUAL_INSTALLMENT" : "EQUAL_PRINCIPAL",
        String.valueOf(amountMinor),
        String.valueOf(raised),
        String.valueOf(step),
        String.valueOf(step),
        String.valueOf(random.nextInt(4) == 0),
        created.toString(),
        closes.toString(),
        status,
        "0",
        "0",
        "1000",
        UUID.randomUUID().toString(),
        "张** · 35岁 · 上海 · 月收入1-2万 · 无逾期记录",
        collateral,
        grade + "级 · 评分" + (800 - gradeIndex * 60) + " · 负债率" + (20 + gradeIndex * 8) + "%",
        "借款人可能逾期或违约；抵押物价值可能下降；平台不承诺保本保息。",
        loanId,
        principal,
        valueDate,
        created.toString(),
        "true"
      };
      data.append(String.join("\t", columns)).append('\n');
    }
    try (Connection c = context.getBean(DataSource.class).getConnection()) {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              """
              COPY investment.listings (id, application_id, borrower_id, title, product, purpose,
                grade, annual_rate_bps, term_months, repayment_method, amount_minor, raised_minor,
                min_investment_minor, step_minor, partial_allowed, opens_at, closes_at, status,
                upfront_fee_minor, monthly_fee_minor, investor_service_fee_bps, escrow_account_id,
                borrower_summary, collateral_summary, risk_summary, risks, loan_id,
                principal_minor, value_date, created_at, auto_invest_done) FROM STDIN
              """,
              new StringReader(data.toString()));
    }
    // As autovacuum would have left a table that has been in use: statistics and visibility map.
    jdbc.execute("VACUUM ANALYZE investment.listings");
    return ids;
  }

  private static int weighted(Random random, int[] weights) {
    int total = Arrays.stream(weights).sum();
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  // ---- workloads --------------------------------------------------------------------------

  private List<Row> run(List<String> ids, int clients, int seconds, int warmup, int samples)
      throws Exception {
    Workload liveness =
        new Workload() {
          @Override
          public String path(ThreadLocalRandom random) {
            return "/actuator/health/liveness";
          }

          @Override
          public String check(HttpResponse<String> r) {
            if (r.statusCode() != 200) {
              return "status " + r.statusCode();
            }
            return "UP".equals(JSON.readTree(r.body()).path("status").asString())
                ? null
                : "not UP: " + r.body();
          }
        };
    Workload api =
        new Workload() {
          @Override
          public String path(ThreadLocalRandom random) {
            return randomQuery(random).path();
          }

          @Override
          public String check(HttpResponse<String> r) {
            return checkPage(r);
          }
        };
    Workload page =
        new Workload() {
          @Override
          public String path(ThreadLocalRandom random) {
            return "/listings/" + ids.get(random.nextInt(ids.size()));
          }

          @Override
          public String check(HttpResponse<String> r) {
            if (r.statusCode() != 200) {
              return "status " + r.statusCode();
            }
            String body = r.body();
            return body.contains("id=\"listing-title\"")
                    && body.contains("id=\"listing-disclosure\"")
                    && body.stripTrailing().endsWith("</html>")
                ? null
                : "not a whole listing page";
          }
        };
    double load0 = BenchTable.loadAverage();
    for (Workload w : List.of(liveness, api, page)) {
      measure("warm-up", w, clients, warmup);
    }
    // wrk (Debian package, as TOOLCHAIN.md measures the HTTP budget) when it is installed: the Java
    // clients take most of the two cores themselves and then measure the driver, not the server.
    // The warm-up above already sent every workload through the Java clients, which check answers.
    String wrk = System.getProperty("bench.wrk", "/usr/bin/wrk");
    boolean withWrk = Files.isExecutable(Path.of(wrk)) && !Boolean.getBoolean("bench.java-driver");
    Result base =
        withWrk
            ? wrk(wrk, "liveness", liveness, clients, seconds)
            : measure("liveness", liveness, clients, seconds);
    Result apiResult =
        withWrk ? wrk(wrk, "api", api, clients, seconds) : measure("api", api, clients, seconds);
    Result pageResult =
        withWrk
            ? wrk(wrk, "page", page, clients, seconds)
            : measure("page", page, clients, seconds);
    double load1 = BenchTable.loadAverage();

    List<Row> rows = new ArrayList<>();
    String shape =
        ids.size()
            + " listings, "
            + clients
            + " connections, "
            + seconds
            + (withWrk ? " s, wrk, load " : " s, Java clients, load ")
            + String.format(Locale.ROOT, "%.1f/%.1f", load0, load1);
    rows.add(
        new Row(
            "W3 baseline: GET /actuator/health/liveness",
            shape,
            figure(base),
            "",
            "",
            base.failures() == 0,
            checks(base)));
    rows.add(
        row(
            "W3 GET /api/v1/listings?status=OPEN",
            "page of 20, random filters, sort, page",
            apiResult,
            base));
    rows.add(row("W3 GET /listings/{id} (HTML)", "random listing of all", pageResult, base));
    rows.add(compareWithDatabase(samples));
    pool.shutdown();
    return rows;
  }

  private static Row row(String name, String parameters, Result r, Result base) {
    double ratio = r.perSecond() / base.perSecond();
    boolean passed = ratio >= 0.5 && r.p99Millis() <= 20 && r.failures() == 0;
    return new Row(
        name,
        parameters,
        figure(r),
        String.format(Locale.ROOT, "%.0f req/s", base.perSecond()),
        String.format(Locale.ROOT, "%.2f (>= 0.5)", ratio),
        passed,
        checks(r) + "; target p99 <= 20 ms");
  }

  private static String figure(Result r) {
    return String.format(
        Locale.ROOT,
        "%.0f req/s, p50/p99/max %.1f/%.1f/%.1f ms",
        r.perSecond(),
        r.p50Millis(),
        r.p99Millis(),
        r.maxMillis());
  }

  /**
   * Drives one workload with wrk: 2 threads, {@code clients} connections, the paths a sample of
   * 5,000 drawn like the Java clients draw them, each request a random one of them. Answers that
   * are not 2xx or 3xx, and socket errors, count as failures.
   */
  private Result wrk(String wrk, String name, Workload w, int clients, int seconds)
      throws IOException, InterruptedException {
    Path dir = Files.createDirectories(Path.of("target", "bench", "wrk"));
    Path paths = dir.resolve(name + ".paths");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      lines.append(w.path(random)).append('\n');
    }
    Files.writeString(paths, lines);
    Path script = dir.resolve(name + ".lua");
    Files.writeString(
        script,
        "local paths = {}\n"
            + "for line in io.lines(\""
            + paths.toAbsolutePath()
            + "\") do paths[#paths + 1] = line end\n"
            + "request = function()\n"
            + "  return wrk.format(\"GET\", paths[math.random(#paths)],"
            + " {[\"Accept-Language\"] = \"zh-CN\"})\n"
            + "end\n");
    Process process =
        new ProcessBuilder(
                wrk,
                "-t2",
                "-c" + clients,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                baseUrl)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    long requests = Long.parseLong(group(out, "(\\d+) requests in"));
    double elapsed = Double.parseDouble(group(out, "requests in ([\\d.]+)s"));
    long bad = 0;
    String non2xx = groupOrNull(out, "Non-2xx or 3xx responses: (\\d+)");
    if (non2xx != null) {
      bad += Long.parseLong(non2xx);
    }
    String errors = groupOrNull(out, "Socket errors: (.*)");
    if (errors != null) {
      for (String n : errors.replaceAll("[^0-9 ]", " ").trim().split("\\s+")) {
        bad += Long.parseLong(n);
      }
    }
    Result r =
        new Result(
            name,
            requests,
            elapsed,
            millis(group(out, "\\s50%\\s+([\\d.]+\\w+)")),
            millis(group(out, "\\s99%\\s+([\\d.]+\\w+)")),
            millis(group(out, "Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+\\w+)")),
            bad,
            bad == 0 ? List.of() : List.of(out.strip()));
    System.out.printf(
        Locale.ROOT, "%-8s %-10s %s (wrk)%n", name, bad == 0 ? "ok" : bad + " bad", figure(r));
    return r;
  }

  private static String group(String text, String regex) {
    String found = groupOrNull(text, regex);
    if (found == null) {
      throw new IllegalStateException("wrk output without " + regex + ": " + text);
    }
    return found;
  }

  private static String groupOrNull(String text, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** wrk's durations: 635.91us, 2.54ms, 1.02s, 2.00m. */
  private static double millis(String duration) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(duration);
    if (!m.matches()) {
      throw new IllegalStateException("not a wrk duration: " + duration);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1_000;
      case "ms" -> value;
      case "s" -> value * 1_000;
      default -> value * 60_000;
    };
  }

  private static String checks(Result r) {
    return r.requests()
        + " answers, "
        + r.failures()
        + " not 200 or not well-formed"
        + (r.firstFailures().isEmpty() ? "" : " " + r.firstFailures());
  }

  private ExecutorService pool;

  /** The client threads, kept across workloads (each keeps its connection and cookies). */
  private ExecutorService pool(int clients) {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(clients);
    }
    return pool;
  }

  /** Runs the workload with {@code clients} threads for {@code seconds}. */
  private Result measure(String name, Workload w, int clients, int seconds) throws Exception {
    ExecutorService pool = pool(clients);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<long[]>> done = new ArrayList<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long[] nanos = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                  String path = w.path(random);
                  long t0 = System.nanoTime();
                  HttpResponse<String> r = send(path);
                  long t = System.nanoTime() - t0;
                  String problem = w.check(r);
                  if (problem != null) {
                    failures.add(path + ": " + problem);
                  }
                  if (n == nanos.length) {
                    nanos = Arrays.copyOf(nanos, n * 2);
                  }
                  nanos[n++] = t;
                }
                return Arrays.copyOf(nanos, n);
              }));
    }
    List<long[]> parts = new ArrayList<>();
    for (Future<long[]> f : done) {
      parts.add(f.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    List<String> first = new ArrayList<>(failures.subList(0, Math.min(3, failures.size())));
    System.out.printf(
        Locale.ROOT,
        "%-8s %-10s %s%n",
        name,
        failures.isEmpty() ? "ok" : failures.size() + " bad",
        figure(Result.of(name, all.length, elapsed, all, 0, List.of())));
    return Result.of(name, all.length, elapsed, all, failures.size(), first);
  }

  private HttpResponse<String> send(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept-Language", "zh-CN")
            .GET()
            .build();
    try {
      return clients
          .get()
          .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(path, e);
    }
  }

  /** People browsing: mostly the first pages, a filter or two, any sort. */
  static Query randomQuery(java.util.random.RandomGenerator random) {
    int page = random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 + random.nextInt(4) : 5;
    if (random.nextInt(20) == 0) {
      page = 5 + random.nextInt(20);
    }
    return new Query(
        random.nextInt(10) < 4 ? GRADES[random.nextInt(GRADES.length)] : null,
        random.nextInt(10) < 3 ? TERMS[random.nextInt(TERMS.length)] : null,
        random.nextInt(10) < 3 ? MIN_RATES[random.nextInt(MIN_RATES.length)] : null,
        random.nextInt(10) < 3 ? PRODUCTS[random.nextInt(PRODUCTS.length)] : null,
        SORTS[random.nextInt(SORTS.length)],
        page);
  }

  private static String checkPage(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      return "status " + r.statusCode();
    }
    JsonNode page = JSON.readTree(r.body());
    JsonNode items = page.path("items");
    if (!items.isArray() || items.size() > PAGE_SIZE || !page.path("total").isNumber()) {
      return "not a page: " + r.body();
    }
    for (JsonNode item : items) {
      if (!"OPEN".equals(item.path("status").asString())
          || !item.path("remaining").asString().matches("\\d+\\.\\d{2}")
          || !item.path("annualRate").asString().matches("0\\.\\d{4}")) {
        return "bad item: " + item;
      }
    }
    return null;
  }

  // ---- the comparison with the database ---------------------------------------------------

  private Row compareWithDatabase(int samples) {
    List<Listing> all =
        jdbc.query(
            ALL_LISTINGS,
            (rs, i) ->
                new Listing(
                    rs.getObject("id", UUID.class).toString(),
                    rs.getString("status"),
                    rs.getString("grade"),
                    rs.getInt("term_months"),
                    rs.getInt("annual_rate_bps"),
                    rs.getString("product"),
                    rs.getLong("amount_minor"),
                    rs.getLong("raised_minor"),
                    rs.getTimestamp("closes_at").toInstant(),
                    rs.getTimestamp("created_at").toInstant()));
    Random random = new Random(7);
    int mismatches = 0;
    List<String> first = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      Query q = randomQuery(random);
      List<Listing> matching = all.stream().filter(l -> matches(l, q)).toList();
      List<String> expected =
          matching.stream()
              .sorted(order(q.sort()))
              .skip((long) q.page() * PAGE_SIZE)
              .limit(PAGE_SIZE)
              .map(Listing::id)
              .toList();
      HttpResponse<String> r = send(q.path());
      String problem = checkPage(r);
      List<String> actual = new ArrayList<>();
      long total = -1;
      if (problem == null) {
        JsonNode page = JSON.readTree(r.body());
        page.path("items").forEach(item -> actual.add(item.path("listingId").asString()));
        total = page.path("total").asLong();
      }
      if (problem != null || !expected.equals(actual) || total != matching.size()) {
        mismatches++;
        if (first.size() < 3) {
          first.add(q.path() + " expected " + matching.size() + " got " + total);
        }
      }
    }
    return new Row(
        "check: API pages match the database",
        samples + " random pages",
        "",
        "",
        "",
        mismatches == 0,
        mismatches + " of " + samples + " differ" + (first.isEmpty() ? "" : " " + first));
  }

  private static boolean matches(Listing l, Query q) {
    return "OPEN".equals(l.status())
        && (q.grade() == null || q.grade().equals(l.grade()))
        && (q.termMonths() == null || q.termMonths() == l.termMonths())
        && (q.minRate() == null
            || l.rateBps() >= new java.math.BigDecimal(q.minRate()).movePointRight(4).intValue())
        && (q.product() == null || q.product().equals(l.product()));
  }

  /** The documented orders, each ending with newest first and then id (as PostgreSQL sorts). */
  private static Comparator<Listing> order(String sort) {
    Comparator<Listing> newest =
        Comparator.comparing(Listing::createdAt)
            .reversed()
            .thenComparing(Comparator.comparing(Listing::id).reversed());
    Function<Comparator<Listing>, Comparator<Listing>> then = c -> c.thenComparing(newest);
    return switch (sort) {
      case "RATE_DESC" -> then.apply(Comparator.comparingInt(Listing::rateBps).reversed());
      case "RATE_ASC" -> then.apply(Comparator.comparingInt(Listing::rateBps));
      case "TERM_ASC" -> then.apply(Comparator.comparingInt(Listing::termMonths));
      case "CLOSING" -> then.apply(Comparator.comparing(Listing::closesAt));
      case "PROGRESS" -> then.apply(Comparator.comparingLong(Listing::progress).reversed());
      default -> newest;
    };
  }

  // ---- output -----------------------------------------------------------------------------

}
