package com.credence.risk.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Repeated stratified 10-fold cross-validation with pooled out-of-fold predictions, and the figures
 * of merit: AUC, Kolmogorov-Smirnov and the expected cost under the data's cost matrix (a bad
 * applicant accepted costs 5, a good one refused costs 1).
 */
final class Evaluation {

  static final int FOLDS = 10;
  static final long[] SEEDS = {1, 2, 3, 4, 5};
  static final double COST_FALSE_GOOD = 5;
  static final double COST_FALSE_BAD = 1;

  /**
   * Refuse when the probability of default exceeds 1/6: there the expected cost of accepting (5p)
   * exceeds that of refusing (1 - p). Fixed by the cost matrix, not fitted, so nothing leaks.
   */
  static final double CUT_OFF_PD = COST_FALSE_BAD / (COST_FALSE_BAD + COST_FALSE_GOOD);

  record Figures(double auc, double ks, double expectedCost, int predictions) {}

  private Evaluation() {}

  /** Out-of-fold probabilities of default and labels, pooled over all seeds. */
  static Figures crossValidate(List<GermanCredit.Row> rows) {
    List<ScorecardTrainer.FeatureSpec> features = ScorecardTrainer.features(rows);
    List<double[]> pooled = new ArrayList<>();
    for (long seed : SEEDS) {
      int[] fold = stratifiedFolds(rows, seed);
      for (int k = 0; k < FOLDS; k++) {
        List<GermanCredit.Row> train = new ArrayList<>();
        List<GermanCredit.Row> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          (fold[i] == k ? test : train).add(rows.get(i));
        }
        ScorecardTrainer.Fitted model = ScorecardTrainer.fit(features, train);
        for (GermanCredit.Row row : test) {
          pooled.add(new double[] {model.probabilityOfDefault(row), row.bad() ? 1 : 0});
        }
      }
    }
    return figures(pooled);
  }

  static int[] stratifiedFolds(List<GermanCredit.Row> rows, long seed) {
    List<Integer> bads = new ArrayList<>();
    List<Integer> goods = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      (rows.get(i).bad() ? bads : goods).add(i);
    }
    Random random = new Random(seed);
    Collections.shuffle(bads, random);
    Collections.shuffle(goods, random);
    int[] fold = new int[rows.size()];
    for (int i = 0; i < bads.size(); i++) {
      fold[bads.get(i)] = i % FOLDS;
    }
    for (int i = 0; i < goods.size(); i++) {
      fold[goods.get(i)] = i % FOLDS;
    }
    return fold;
  }

  /** Each element: {probability of default, 1 if bad}. */
  static Figures figures(List<double[]> predictions) {
    return new Figures(
        auc(predictions), ks(predictions), expectedCost(predictions), predictions.size());
  }

  /** Mann-Whitney: the chance that a random bad scores a higher PD than a random good. */
  static double auc(List<double[]> predictions) {
    double[][] sorted = predictions.toArray(new double[0][]);
    Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
    double rankSumBad = 0;
    long bads = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j][0] == sorted[i][0]) {
        j++;
      }
      double averageRank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (sorted[k][1] == 1) {
          rankSumBad += averageRank;
          bads++;
        }
      }
      i = j;
    }
    long goods = sorted.length - bads;
    return (rankSumBad - bads * (bads + 1) / 2.0) / ((double) bads * goods);
  }

  /** Largest gap between the cumulative PD distributions of bads and goods. */
  static double ks(List<double[]> predictions) {
    double[][] sorted = predictions.toArray(new double[0][]);
    Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
    double bads = 0;
    for (double[] p : sorted) {
      bads += p[1];
    }
    double goods = sorted.length - bads;
    double cumBad = 0;
    double cumGood = 0;
    double best = 0;
    for (int i = 0; i < sorted.length; i++) {
      cumBad += sorted[i][1];
      cumGood += 1 - sorted[i][1];
      boolean lastOfTie = i == sorted.length - 1 || sorted[i + 1][0] != sorted[i][0];
      if (lastOfTie) {
        best = Math.max(best, Math.abs(cumGood / goods - cumBad / bads));
      }
    }
    return best;
  }

  static double expectedCost(List<double[]> predictions) {
    double cost = 0;
    for (double[] p : predictions) {
      boolean refused = p[0] > CUT_OFF_PD;
      boolean bad = p[1] == 1;
      if (bad && !refused) {
        cost += COST_FALSE_GOOD;
      } else if (!bad && refused) {
        cost += COST_FALSE_BAD;
      }
    }
    return cost / predictions.size();
  }
}
