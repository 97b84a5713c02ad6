package com.credence.investment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the investment module ({@code credence.investment.*}).
 *
 * @param batchMax most bids one sequencer batch writes in one transaction
 * @param workers threads that write batches (one listing is written by one thread at a time)
 * @param bidTimeout how long a request waits for its batch before answering 503
 * @param minPartialShareBps the least share of the amount raised for a partial loan, where the
 *     product allows one
 * @param autoInvestShareBps the most of a listing auto-invest may take when it opens
 * @param offerWindow how long the borrower has to accept or decline a partial loan; the investors'
 *     freezes have no timeout of their own, so they always outlive it
 * @param investorFactsTtl how long the invest path trusts a remembered suitability (the bound for a
 *     new risk assessment taken on another node; on this node it applies at once)
 * @param fundingChunk how many freezes a full listing's funding posts per transaction before the
 *     disbursement, or a failed listing's refund voids (each transaction holds those investors'
 *     account locks only)
 */
@ConfigurationProperties("credence.investment")
public record InvestmentProperties(
    @DefaultValue("500") int batchMax,
    @DefaultValue("4") int workers,
    @DefaultValue("10s") Duration bidTimeout,
    @DefaultValue("5000") int minPartialShareBps,
    @DefaultValue("7000") int autoInvestShareBps,
    @DefaultValue("3d") Duration offerWindow,
    @DefaultValue("60s") Duration investorFactsTtl,
    @DefaultValue("500") int fundingChunk) {

  public InvestmentProperties {
    if (batchMax < 1 || batchMax > 4000) {
      throw new IllegalArgumentException("credence.investment.batch-max is 1-4000");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("credence.investment.workers is at least 1");
    }
    if (fundingChunk < 1 || fundingChunk > 4000) {
      throw new IllegalArgumentException("credence.investment.funding-chunk is 1-4000");
    }
    if (offerWindow.isNegative() || offerWindow.isZero()) {
      throw new IllegalArgumentException("credence.investment.offer-window is positive");
    }
  }
}
