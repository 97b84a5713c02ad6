package com.credence.platform;

import com.credence.shared.DemoDataContributor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds demo data once when the platform starts with {@code --demo} (or {@code
 * credence.demo=true}). Each module contributes its part; the demo users' random passwords are
 * printed once, here.
 */
@Component
class DemoDataRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

  private final List<DemoDataContributor> contributors;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Environment environment;
  private final Clock clock;

  DemoDataRunner(
      List<DemoDataContributor> contributors,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Environment environment,
      Clock clock) {
    this.contributors = contributors;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean wanted =
        args.containsOption("demo")
            || environment.getProperty("credence.demo", Boolean.class, false);
    if (!wanted) {
      return;
    }
    List<String> announcements = new ArrayList<>();
    boolean seeded =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  int inserted =
                      jdbc.sql(
                              "INSERT INTO platform.demo_seed (id, seeded_at) VALUES (1, :now) ON CONFLICT DO NOTHING")
                          .param("now", java.sql.Timestamp.from(clock.instant()))
                          .update();
                  if (inserted == 0) {
                    return false;
                  }
                  DemoDataContributor.DemoContext context = new Context(announcements);
                  contributors.stream()
                      .sorted(Comparator.comparingInt(DemoDataContributor::order))
                      .forEach(c -> c.seed(context));
                  return true;
                }));
    if (!seeded) {
      log.info("Demo data was seeded on an earlier start; nothing to do");
      return;
    }
    StringBuilder banner =
        new StringBuilder("Demo data seeded by ").append(contributors.size()).append(" module(s).");
    if (!announcements.isEmpty()) {
      banner.append(" Demo users (passwords shown only this once):\n");
      announcements.forEach(line -> banner.append(line).append('\n'));
    }
    log.info(banner.toString());
  }

  /** The demo run's shared state: announced passwords and the users contributors share. */
  private static final class Context implements DemoDataContributor.DemoContext {

    private final List<String> announcements;
    private final Map<String, UUID> users = new HashMap<>();

    Context(List<String> announcements) {
      this.announcements = announcements;
    }

    @Override
    public void announceUser(String role, String phone, String password) {
      announcements.add(String.format("  %-12s %-14s %s", role, phone, password));
    }

    @Override
    public void shareUser(String name, UUID userId) {
      users.put(name, userId);
    }

    @Override
    public Optional<UUID> sharedUser(String name) {
      return Optional.ofNullable(users.get(name));
    }
  }
}
