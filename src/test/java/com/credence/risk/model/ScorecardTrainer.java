package com.credence.risk.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trains the weight-of-evidence logistic-regression scorecard. Test scope only: the statistics need
 * floating point, which the shipped risk code never uses (it scores with the stored points in
 * BigDecimal). Deterministic: no randomness, fixed iteration counts, fixed bin edges.
 */
final class ScorecardTrainer {

  /** The attributes that encode sex, marital status, nationality and age never enter the model. */
  static final Set<String> EXCLUDED = Set.of("personal_status", "foreign_worker", "age");

  /** Laplace smoothing of the bin counts, so an empty bin gets a finite weight of evidence. */
  static final double SMOOTHING = 0.5;

  /** L2 penalty on the coefficients (not on the intercept). */
  static final double L2 = 1.0;

  static final int IRLS_ITERATIONS = 30;

  /** 600 points at odds of 50 good to 1 bad, and 20 points to double the odds. */
  static final double BASE_SCORE = 600;

  static final double BASE_ODDS = 50;
  static final double POINTS_TO_DOUBLE = 20;

  /**
   * A model input: categorical (one bin per category) or numeric with fixed upper bin edges
   * (inclusive). Numeric edges are chosen by hand from the attribute's meaning, not fitted, so the
   * cross-validation has nothing to leak through them.
   */
  record FeatureSpec(String name, double[] upperEdges, List<String> categories) {
    boolean numeric() {
      return upperEdges != null;
    }

    int binCount() {
      return numeric() ? upperEdges.length + 1 : categories.size();
    }

    int bin(String raw) {
      if (numeric()) {
        double value = Double.parseDouble(raw);
        for (int i = 0; i < upperEdges.length; i++) {
          if (value <= upperEdges[i]) {
            return i;
          }
        }
        return upperEdges.length;
      }
      int index = categories.indexOf(raw);
      if (index < 0) {
        throw new IllegalArgumentException(name + ": unknown category " + raw);
      }
      return index;
    }
  }

  /** The fitted model: weight of evidence per bin, coefficients, intercept (log-odds of good). */
  record Fitted(List<FeatureSpec> features, double[][] woe, double intercept, double[] beta) {

    double logOddsGood(GermanCredit.Row row) {
      double z = intercept;
      for (int j = 0; j < features.size(); j++) {
        FeatureSpec f = features.get(j);
        z += beta[j] * woe[j][f.bin(row.values().get(f.name()))];
      }
      return z;
    }

    double probabilityOfDefault(GermanCredit.Row row) {
      return 1.0 / (1.0 + Math.exp(logOddsGood(row)));
    }

    static double factor() {
      return POINTS_TO_DOUBLE / Math.log(2);
    }

    static double offset() {
      return BASE_SCORE - factor() * Math.log(BASE_ODDS);
    }

    /** Points of one bin: its share of the intercept and offset plus its own evidence. */
    double points(int feature, int bin) {
      double shared = (offset() + factor() * intercept) / features.size();
      return shared + factor() * beta[feature] * woe[feature][bin];
    }
  }

  private ScorecardTrainer() {}

  static List<FeatureSpec> features(List<GermanCredit.Row> all) {
    List<FeatureSpec> specs = new ArrayList<>();
    specs.add(categorical("checking_status", all));
    specs.add(new FeatureSpec("duration", new double[] {6, 12, 18, 24, 36}, null));
    specs.add(categorical("credit_history", all));
    specs.add(categorical("purpose", all));
    specs.add(new FeatureSpec("credit_amount", new double[] {1500, 3000, 5000, 8000}, null));
    specs.add(categorical("savings_status", all));
    specs.add(categorical("employment", all));
    specs.add(new FeatureSpec("installment_commitment", new double[] {1, 2, 3}, null));
    specs.add(categorical("other_parties", all));
    specs.add(categorical("property_magnitude", all));
    specs.add(categorical("other_payment_plans", all));
    specs.add(categorical("housing", all));
    specs.add(new FeatureSpec("existing_credits", new double[] {1}, null));
    specs.add(categorical("job", all));
    specs.add(categorical("own_telephone", all));
    for (FeatureSpec spec : specs) {
      if (EXCLUDED.contains(spec.name())) {
        throw new IllegalStateException("Protected attribute in the model: " + spec.name());
      }
    }
    return specs;
  }

  /** Categories in order of first appearance; reads no labels. */
  private static FeatureSpec categorical(String name, List<GermanCredit.Row> all) {
    Set<String> seen = new LinkedHashSet<>();
    for (GermanCredit.Row row : all) {
      seen.add(row.values().get(name));
    }
    return new FeatureSpec(name, null, List.copyOf(seen));
  }

  static Fitted fit(List<FeatureSpec> features, List<GermanCredit.Row> train) {
    int p = features.size();
    double[][] woe = new double[p][];
    for (int j = 0; j < p; j++) {
      woe[j] = weightsOfEvidence(features.get(j), train);
    }
    int n = train.size();
    double[][] x = new double[n][p + 1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      GermanCredit.Row row = train.get(i);
      x[i][0] = 1;
      for (int j = 0; j < p; j++) {
        FeatureSpec f = features.get(j);
        x[i][j + 1] = woe[j][f.bin(row.values().get(f.name()))];
      }
      y[i] = row.bad() ? 0 : 1;
    }
    double[] b = irls(x, y);
    double[] beta = new double[p];
    System.arraycopy(b, 1, beta, 0, p);
    return new Fitted(features, woe, b[0], beta);
  }

  /** ln(share of goods in the bin / share of bads in the bin), smoothed. */
  static double[] weightsOfEvidence(FeatureSpec f, List<GermanCredit.Row> train) {
    int k = f.binCount();
    double[] good = new double[k];
    double[] bad = new double[k];
    double goods = 0;
    double bads = 0;
    for (GermanCredit.Row row : train) {
      int bin = f.bin(row.values().get(f.name()));
      if (row.bad()) {
        bad[bin]++;
        bads++;
      } else {
        good[bin]++;
        goods++;
      }
    }
    double[] woe = new double[k];
    for (int i = 0; i < k; i++) {
      double g = (good[i] + SMOOTHING) / (goods + SMOOTHING * k);
      double b = (bad[i] + SMOOTHING) / (bads + SMOOTHING * k);
      woe[i] = Math.log(g / b);
    }
    return woe;
  }

  /** Newton-Raphson (iteratively reweighted least squares) with an L2 penalty. */
  static double[] irls(double[][] x, double[] y) {
    int n = x.length;
    int d = x[0].length;
    double[] b = new double[d];
    for (int iter = 0; iter < IRLS_ITERATIONS; iter++) {
      double[][] h = new double[d][d];
      double[] g = new double[d];
      for (int i = 0; i < n; i++) {
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += x[i][j] * b[j];
        }
        double p = 1.0 / (1.0 + Math.exp(-z));
        double w = p * (1 - p);
        for (int j = 0; j < d; j++) {
          g[j] += x[i][j] * (y[i] - p);
          for (int k = 0; k < d; k++) {
            h[j][k] += w * x[i][j] * x[i][k];
          }
        }
      }
      for (int j = 1; j < d; j++) {
        g[j] -= L2 * b[j];
        h[j][j] += L2;
      }
      double[] step = solve(h, g);
      double size = 0;
      for (int j = 0; j < d; j++) {
        b[j] += step[j];
        size = Math.max(size, Math.abs(step[j]));
      }
      if (size < 1e-10) {
        break;
      }
    }
    return b;
  }

  /** Gaussian elimination with partial pivoting; a is symmetric positive definite here. */
  static double[] solve(double[][] a, double[] rhs) {
    int d = rhs.length;
    double[][] m = new double[d][d + 1];
    for (int i = 0; i < d; i++) {
      System.arraycopy(a[i], 0, m[i], 0, d);
      m[i][d] = rhs[i];
    }
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      for (int r = col + 1; r < d; r++) {
        double factor = m[r][col] / m[col][col];
        for (int c = col; c <= d; c++) {
          m[r][c] -= factor * m[col][c];
        }
      }
    }
    double[] out = new double[d];
    for (int i = d - 1; i >= 0; i--) {
      double s = m[i][d];
      for (int c = i + 1; c < d; c++) {
        s -= m[i][c] * out[c];
      }
      out[i] = s / m[i][i];
    }
    return out;
  }
}
