package com.credence.repayment;

import com.credence.repayment.domain.Delinquency;
import com.credence.repayment.persistence.RepaymentStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Delinquency in Prometheus: {@code credence_repayment_loans{bucket}} (loans not settled per
 * bucket) and {@code credence_repayment_outstanding_principal_fen{bucket}}, refreshed by every
 * end-of-day run.
 */
@Component
class RepaymentMetrics {

  private final Map<Delinquency, AtomicLong> loans = new EnumMap<>(Delinquency.class);
  private final Map<Delinquency, AtomicLong> outstanding = new EnumMap<>(Delinquency.class);

  RepaymentMetrics(MeterRegistry meters) {
    for (Delinquency bucket : Delinquency.values()) {
      AtomicLong count = new AtomicLong();
      AtomicLong principal = new AtomicLong();
      loans.put(bucket, count);
      outstanding.put(bucket, principal);
      Gauge.builder("credence.repayment.loans", count, AtomicLong::get)
          .description("Loans not settled, by delinquency bucket")
          .tag("bucket", bucket.name())
          .register(meters);
      Gauge.builder("credence.repayment.outstanding.principal.fen", principal, AtomicLong::get)
          .description("Outstanding principal in fen, by delinquency bucket")
          .tag("bucket", bucket.name())
          .register(meters);
    }
  }

  void refresh(List<RepaymentStore.BucketCount> counts) {
    loans.values().forEach(a -> a.set(0));
    outstanding.values().forEach(a -> a.set(0));
    for (RepaymentStore.BucketCount c : counts) {
      Delinquency bucket = Delinquency.valueOf(c.bucket());
      loans.get(bucket).set(c.loans());
      outstanding.get(bucket).set(c.outstandingMinor());
    }
  }

  long loansIn(Delinquency bucket) {
    return loans.get(bucket).get();
  }
}
