package com.credence.investment;

import com.credence.identity.IdentityService;
import com.credence.identity.RiskAssessed;
import com.credence.identity.Suitability;
import com.credence.ledger.AccountId;
import com.credence.ledger.AccountKind;
import com.credence.ledger.Balance;
import com.credence.ledger.LedgerService;
import com.credence.shared.BusinessCalendar;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the invest path needs to know about an investor, kept in memory so that a bid in the rush
 * needs no database round trip before its batch: whether a grade suits them (real name verified, a
 * valid risk assessment whose level allows the grade, and the level's holding limit), and their
 * funds account.
 *
 * <p>Only facts that let a bid go ahead are kept; a refusal is always asked afresh, so an investor
 * who verifies their name or takes the questionnaire can invest at once. A kept fact is dropped
 * when the investor takes the questionnaire again on this node ({@link RiskAssessed}, also once
 * more after that transaction commits), when the assessment's last valid day passes, and in any
 * case after {@code credence.investment.investor-facts-ttl}, the bound for a change made on another
 * node. A verified real name cannot be withdrawn and an account id never changes. The holding limit
 * is checked again, exactly, by the listing's sequencer against the stored investments.
 */
@Component
class InvestorFacts {

  private static final int SIZE_MAX = 200_000;

  private final IdentityService identity;
  private final LedgerService ledger;
  private final Clock clock;
  private final InvestmentProperties properties;
  private final Map<Key, Kept> suitable = new ConcurrentHashMap<>();
  private final Map<UUID, AccountId> accounts = new ConcurrentHashMap<>();

  private record Key(UUID investorId, String grade) {}

  private record Kept(Suitability suitability, Instant until) {}

  InvestorFacts(
      IdentityService identity,
      LedgerService ledger,
      Clock clock,
      InvestmentProperties properties) {
    this.identity = identity;
    this.ledger = ledger;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Whether the grade suits the investor, with the level and its holding limit when it does. The
   * holding limit is checked here against {@code amount} alone; the caller adds the exposure.
   */
  Suitability suitability(UUID investorId, String grade, Money amount) {
    Key key = new Key(investorId, grade);
    Instant now = clock.instant();
    Kept kept = suitable.get(key);
    if (kept != null
        && now.isBefore(kept.until())
        && !BusinessCalendar.today(clock)
            .isAfter(Objects.requireNonNull(kept.suitability().validUntil()))) {
      return withinLimit(kept.suitability(), amount);
    }
    Suitability fresh = identity.checkSuitability(investorId, grade, amount);
    if (fresh.suitable()) {
      if (suitable.size() >= SIZE_MAX) {
        suitable.clear();
      }
      suitable.put(key, new Kept(fresh, now.plus(properties.investorFactsTtl())));
    } else {
      suitable.remove(key);
    }
    return fresh;
  }

  /** The refusal for a holding above the level's limit, from a suitable answer's facts. */
  static Suitability overLimit(Suitability ok) {
    return new Suitability(
        false,
        Suitability.HOLDING_LIMIT_EXCEEDED,
        ok.riskLevel(),
        ok.holdingLimit(),
        ok.validUntil());
  }

  private static Suitability withinLimit(Suitability ok, Money amount) {
    return amount.isGreaterThan(Objects.requireNonNull(ok.holdingLimit())) ? overLimit(ok) : ok;
  }

  /** The investor's CNY funds account; empty when they have none yet (no card bound). */
  Optional<AccountId> fundsAccount(UUID investorId) {
    AccountId known = accounts.get(investorId);
    if (known != null) {
      return Optional.of(known);
    }
    Balance funds = funds(investorId);
    if (funds == null) {
      return Optional.empty();
    }
    if (accounts.size() >= SIZE_MAX) {
      accounts.clear();
    }
    accounts.put(investorId, funds.accountId());
    return Optional.of(funds.accountId());
  }

  /** The investor's CNY funds account with its balance, read now; null when there is none. */
  @Nullable Balance funds(UUID investorId) {
    for (Balance b : ledger.balancesOf(investorId)) {
      if (b.kind() == AccountKind.INVESTOR_FUNDS && b.currency() == Currency.CNY) {
        return b;
      }
    }
    return null;
  }

  @EventListener
  void on(RiskAssessed event) {
    forget(event.userId());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // A bid between this event and the commit may have read the old level back: drop it again.
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              forget(event.userId());
            }
          });
    }
  }

  /** Drops the suitability facts kept for the investor. */
  void forget(UUID investorId) {
    suitable.keySet().removeIf(k -> k.investorId().equals(investorId));
  }
}
