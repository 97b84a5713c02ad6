package com.credence.risk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained weight-of-evidence scorecard as stored in its versioned artifact: per feature, bins
 * with their points. Scoring adds the points of the applicant's bins; the probability of default
 * follows from the scaling (score = offset + factor x log-odds of good).
 *
 * @param version e.g. {@code scorecard-v1}
 * @param factor points per unit of log-odds, 20 / ln 2
 * @param offset the score at even odds
 * @param features the inputs, in the order of the artifact
 */
public record ScorecardModel(
    String version, BigDecimal factor, BigDecimal offset, List<Feature> features) {

  /** How many reason codes a score carries at most. */
  public static final int MAX_REASONS = 4;

  public ScorecardModel {
    Objects.requireNonNull(version, "version");
    features = List.copyOf(features);
    if (features.isEmpty() || factor.signum() <= 0) {
      throw new IllegalArgumentException("A scorecard needs features and a positive factor");
    }
  }

  /** How a feature's raw value falls into its bins. */
  public enum FeatureType {
    CATEGORICAL,
    NUMERIC
  }

  /** One model input and its bins. */
  public record Feature(String name, FeatureType type, List<Bin> bins) {
    public Feature {
      bins = List.copyOf(bins);
      if (bins.isEmpty()) {
        throw new IllegalArgumentException(name + ": no bins");
      }
    }

    /** The bin of a raw value: the category itself, or the first upper edge not below it. */
    public Bin binOf(String raw) {
      if (type == FeatureType.CATEGORICAL) {
        return bins.stream()
            .filter(b -> raw.equals(b.category()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(name + ": unknown category " + raw));
      }
      BigDecimal value = new BigDecimal(raw);
      for (Bin bin : bins) {
        if (bin.upToInclusive() == null || value.compareTo(bin.upToInclusive()) <= 0) {
          return bin;
        }
      }
      throw new IllegalStateException(name + ": the last numeric bin must be open-ended");
    }

    BigDecimal maxPoints() {
      return bins.stream().map(Bin::points).max(Comparator.naturalOrder()).orElseThrow();
    }
  }

  /** A bin: a category or a numeric range up to an inclusive edge (null for the last, open bin). */
  public record Bin(String category, BigDecimal upToInclusive, BigDecimal woe, BigDecimal points) {}

  /** Scores one applicant whose inputs are given in the model's own vocabulary. */
  public Score score(Map<String, String> inputs) {
    BigDecimal total = BigDecimal.ZERO;
    List<ReasonCode> lost = new ArrayList<>();
    for (Feature feature : features) {
      String raw = inputs.get(feature.name());
      if (raw == null) {
        throw new IllegalArgumentException("Missing model input " + feature.name());
      }
      BigDecimal points = feature.binOf(raw).points();
      total = total.add(points);
      BigDecimal cost = feature.maxPoints().subtract(points);
      if (cost.signum() > 0) {
        lost.add(new ReasonCode(feature.name(), raw, cost.setScale(1, RoundingMode.HALF_UP)));
      }
    }
    lost.sort(
        Comparator.comparing(ReasonCode::pointsLost).reversed().thenComparing(ReasonCode::feature));
    BigDecimal logOddsGood = total.subtract(offset).divide(factor, DecimalMath.CONTEXT);
    BigDecimal pd = DecimalMath.logistic(logOddsGood.negate()).setScale(6, RoundingMode.HALF_UP);
    return new Score(
        total.setScale(0, RoundingMode.HALF_UP).intValueExact(),
        pd,
        List.copyOf(lost.subList(0, Math.min(MAX_REASONS, lost.size()))));
  }

  /**
   * The result of scoring.
   *
   * @param points the score, 600 at odds 50:1 good to bad; higher is better
   * @param probabilityOfDefault between 0 and 1, scale 6
   * @param reasons the features that cost the most points against their best bin, worst first
   */
  public record Score(int points, BigDecimal probabilityOfDefault, List<ReasonCode> reasons) {}

  /** A feature that cost points: its value and how many points below its best bin. */
  public record ReasonCode(String feature, String value, BigDecimal pointsLost) {}
}
