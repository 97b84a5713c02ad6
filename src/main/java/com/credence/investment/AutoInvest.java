package com.credence.investment;

import com.credence.investment.domain.AutoInvestPlan;
import com.credence.investment.persistence.AutoInvestStore;
import com.credence.investment.persistence.AutoInvestStore.RuleRow;
import com.credence.investment.persistence.ListingRow;
import com.credence.investment.persistence.ListingStore;
import com.credence.ledger.Balance;
import com.credence.risk.Grade;
import com.credence.shared.AnnualRate;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Money;
import com.credence.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Auto-invest (自动投标): investors' rules, and the run when a listing opens. The run is claimed once
 * per listing (a conditional update, so one node runs it), takes at most the configured share of
 * the listing in the fair order of {@link AutoInvestPlan}, and places every bid through the same
 * checks and the same sequencer as manual bids (suitability, step, funds), all at once so they are
 * written in one batch. Manual investors may bid once the run is done.
 */
@Service
public class AutoInvest implements org.springframework.beans.factory.DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(AutoInvest.class);
  private static final int CANDIDATES_MAX = 2_000;
  private static final int LISTINGS_PER_RUN = 20;
  private static final java.time.Duration LEASE = java.time.Duration.ofMinutes(5);

  private final AutoInvestStore rules;
  private final ListingStore listings;
  private final InvestmentService investments;
  private final InvestmentProperties properties;
  private final Clock clock;
  private final java.util.concurrent.ExecutorService runner =
      java.util.concurrent.Executors.newSingleThreadExecutor();

  AutoInvest(
      AutoInvestStore rules,
      ListingStore listings,
      InvestmentService investments,
      InvestmentProperties properties,
      Clock clock) {
    this.rules = rules;
    this.listings = listings;
    this.investments = investments;
    this.properties = properties;
    this.clock = clock;
  }

  // ---- rules

  /** The investor's rule; a disabled default when none was saved. */
  public AutoInvestRule rule(UUID investorId) {
    return rules
        .rule(investorId)
        .map(AutoInvest::view)
        .orElseGet(
            () ->
                new AutoInvestRule(
                    false,
                    AnnualRate.ofBps(0),
                    AnnualRate.ofBps(2_400),
                    1,
                    36,
                    EnumSet.of(Grade.A, Grade.B),
                    Money.yuan(1_000),
                    Money.yuan(0),
                    Money.yuan(10_000),
                    BusinessCalendar.today(clock).plusYears(1),
                    Money.yuan(0)));
  }

  /**
   * Saves (and authorises, or with {@code enabled=false} revokes) the investor's rule.
   *
   * @throws ProblemException 400 VALIDATION_FAILED for inconsistent settings
   */
  public AutoInvestRule save(UUID investorId, AutoInvestRule r) {
    if (r.minRate().compareTo(r.maxRate()) > 0
        || r.termMonthsMin() < 1
        || r.termMonthsMin() > r.termMonthsMax()
        || r.grades().isEmpty()
        || r.maxPerListing().isZero()
        || r.authorisedLimit().isZero()
        || (r.enabled() && r.authorisedUntil().isBefore(BusinessCalendar.today(clock)))) {
      throw InvestmentProblems.invalidRule(
          "Check the rule: rates and terms from low to high, at least one grade, positive limits,"
              + " an authorisation that has not expired");
    }
    String grades = r.grades().stream().sorted().map(Grade::name).collect(Collectors.joining());
    rules.save(
        new RuleRow(
            investorId,
            r.enabled(),
            r.minRate().bps(),
            r.maxRate().bps(),
            r.termMonthsMin(),
            r.termMonthsMax(),
            grades,
            r.maxPerListing().amountMinor(),
            r.reserveBalance().amountMinor(),
            r.authorisedLimit().amountMinor(),
            r.authorisedUntil(),
            0,
            clock.instant(),
            null),
        clock.instant());
    return rule(investorId);
  }

  private static AutoInvestRule view(RuleRow r) {
    Set<Grade> grades = EnumSet.noneOf(Grade.class);
    for (char c : r.grades().toCharArray()) {
      grades.add(Grade.valueOf(String.valueOf(c).toUpperCase(Locale.ROOT)));
    }
    return new AutoInvestRule(
        r.enabled(),
        AnnualRate.ofBps(r.minRateBps()),
        AnnualRate.ofBps(r.maxRateBps()),
        r.termMonthsMin(),
        r.termMonthsMax(),
        grades,
        Money.cny(r.maxPerListingMinor()),
        Money.cny(r.reserveBalanceMinor()),
        Money.cny(r.authorisedLimitMinor()),
        r.authorisedUntil(),
        Money.cny(r.usedMinor()));
  }

  // ---- the run

  /** Runs the listing's auto-invest soon, on this node's runner thread. */
  void runSoon(UUID listingId) {
    runner.execute(
        () -> {
          try {
            run(listingId);
          } catch (org.springframework.dao.DataAccessException | ProblemException e) {
            LOG.error("Auto-invest on listing {} failed; the job tries again", listingId, e);
          }
        });
  }

  @Override
  public void destroy() {
    runner.shutdown();
  }

  /** Runs auto-invest for every listing whose opening time has come; returns how many. */
  int runDue() {
    int n = 0;
    for (UUID id : rules.listingsToRun(clock.instant(), LISTINGS_PER_RUN)) {
      if (run(id)) {
        n++;
      }
    }
    return n;
  }

  /** Runs auto-invest for the listing once; false when it already ran or is not open. */
  boolean run(UUID listingId) {
    Optional<ListingRow> found = listings.listing(listingId);
    Instant now = clock.instant();
    if (found.isEmpty() || !found.get().isOpenAt(now) || !rules.claimRun(listingId, now, LEASE)) {
      return false;
    }
    ListingRow l = found.get();
    LocalDate today = BusinessCalendar.today(clock);
    List<RuleRow> matching =
        rules.matching(
            l.annualRateBps(), l.termMonths(), l.grade(), l.borrowerId(), today, CANDIDATES_MAX);
    List<AutoInvestPlan.Candidate> candidates = new ArrayList<>();
    for (RuleRow r : matching) {
      Balance funds = investments.investorFunds(r.investorId());
      if (funds != null) {
        candidates.add(
            new AutoInvestPlan.Candidate(
                r.investorId().toString(),
                r.joinedAt(),
                r.servedAt(),
                r.maxPerListingMinor(),
                r.authorisedLimitMinor() - r.usedMinor(),
                funds.availableMinor(),
                r.reserveBalanceMinor()));
      }
    }
    List<AutoInvestPlan.Take> plan =
        AutoInvestPlan.plan(
            candidates,
            new AutoInvestPlan.Listing(
                l.amountMinor(),
                l.minInvestmentMinor(),
                l.stepMinor(),
                properties.autoInvestShareBps()));
    place(l, plan, now);
    rules.finishRun(listingId);
    return true;
  }

  /** Places the planned bids together (one batch), then books what each one took. */
  private void place(ListingRow l, List<AutoInvestPlan.Take> plan, Instant now) {
    Map<PlaceInvestment, InvestmentService.Checked> checked = new HashMap<>();
    List<PlaceInvestment> order = new ArrayList<>();
    for (AutoInvestPlan.Take t : plan) {
      UUID investor = UUID.fromString(t.investorId());
      if (!rules.reserve(investor, t.amountMinor())) {
        continue;
      }
      PlaceInvestment c =
          new PlaceInvestment(
              l.id(), investor, Money.cny(t.amountMinor()).toApiString(), false, "auto:" + l.id());
      try {
        InvestmentService.Checked ok = investments.check(c, "AUTO");
        if (ok.bid() != null) {
          checked.put(c, ok);
          order.add(c);
          continue;
        }
      } catch (ProblemException e) {
        LOG.debug("Auto-invest bid refused: {}", e.code());
      }
      rules.release(investor, t.amountMinor());
    }
    Map<PlaceInvestment, java.util.concurrent.CompletableFuture<InvestRush.Answer>> answers =
        new HashMap<>();
    order.forEach(c -> answers.put(c, investments.submit(checked.get(c).bid())));
    int placed = 0;
    for (PlaceInvestment c : order) {
      try {
        InvestmentService.Placed p =
            investments.outcome(c, checked.get(c).bid(), investments.await(answers.get(c)));
        if (p.replayed()) {
          // Placed by an earlier run of this listing (its key): that run booked it.
          rules.release(c.investorId(), Money.parseCny(c.amountText()).amountMinor());
          continue;
        }
        rules.served(c.investorId(), now);
        placed++;
      } catch (ProblemException e) {
        rules.release(c.investorId(), Money.parseCny(c.amountText()).amountMinor());
      }
    }
    LOG.info(
        "Auto-invest on listing {}: {} of {} planned bids placed", l.id(), placed, plan.size());
  }
}
