package com.credence.bank;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code credence.bank}; see docs/modules/bank.md.
 *
 * @param withdrawalDailyLimit per user and Asia/Shanghai day, yuan with two decimals
 * @param callbackWindow how far a callback's timestamp may be from our clock
 * @param pendingTimeout how long an order may wait for its callback before the janitor asks
 * @param janitorBatch how many open orders one janitor run looks at
 * @param reconcilePlatformAccounts whether the reconciliation also compares the custody accounts
 *     that mirror loan escrows and the platform's fee income (integration tests turn it off: they
 *     make ledger-only users outside custody, whose loans' escrows cannot match)
 * @param callbackSecret base64 of the shared HMAC secret; when empty it is read from (or generated
 *     into) {@code <data-dir>/bank/callback-secret}
 */
@ConfigurationProperties("credence.bank")
public record BankProperties(
    @DefaultValue("50000.00") String withdrawalDailyLimit,
    @DefaultValue("5m") Duration callbackWindow,
    @DefaultValue("30m") Duration pendingTimeout,
    @DefaultValue("100") int janitorBatch,
    @Nullable String callbackSecret,
    @DefaultValue("true") boolean reconcilePlatformAccounts,
    @DefaultValue Simulation simulation) {

  /**
   * The simulated bank's behaviour.
   *
   * @param latency how long after the confirmation a callback is due (flush delivers at once)
   * @param failurePercent share of confirmed instructions the bank declines, 0-100
   * @param lostCallbackPercent share of callbacks that are never delivered, 0-100
   */
  public record Simulation(
      @DefaultValue("2s") Duration latency,
      @DefaultValue("0") int failurePercent,
      @DefaultValue("0") int lostCallbackPercent) {}
}
