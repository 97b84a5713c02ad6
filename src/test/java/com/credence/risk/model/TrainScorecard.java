package com.credence.risk.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the scorecard on all 1,000 German credit applicants, prints the cross-validated figures
 * and writes the model artifact that the application loads at start:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.credence.risk.model.TrainScorecard \
 *     -Dexec.args=src/main/resources/risk/scorecard-v1.json
 * </pre>
 *
 * The output is byte-for-byte reproducible: fixed bins, fixed seeds, a deterministic solver.
 */
public final class TrainScorecard {

  static final String VERSION = "scorecard-v1";
  static final int SCALE = 6;

  private TrainScorecard() {}

  public static void main(String[] args) throws IOException {
    List<GermanCredit.Row> rows = GermanCredit.load();
    Evaluation.Figures figures = Evaluation.crossValidate(rows);
    System.out.printf(
        Locale.ROOT,
        "Cross-validated (10 folds x %d seeds, %d out-of-fold predictions):%n"
            + "  AUC %.4f  KS %.4f  expected cost %.4f at PD cut-off %.4f%n",
        Evaluation.SEEDS.length,
        figures.predictions(),
        figures.auc(),
        figures.ks(),
        figures.expectedCost(),
        Evaluation.CUT_OFF_PD);
    ScorecardTrainer.Fitted model = ScorecardTrainer.fit(ScorecardTrainer.features(rows), rows);
    String json = toJson(model, figures);
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), json, StandardCharsets.UTF_8);
      System.out.println("Wrote " + args[0]);
    } else {
      System.out.println(json);
    }
  }

  static String toJson(ScorecardTrainer.Fitted model, Evaluation.Figures figures) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", VERSION);
    root.put(
        "data",
        "German credit data (Statlog), Hans Hofmann, 1994, UCI Machine Learning Repository,"
            + " https://doi.org/10.24432/C5NC77, licensed CC BY 4.0; read from credit-g.arff"
            + " as distributed with Weka 3.8.7");
    root.put("excludedAttributes", List.of("personal_status", "foreign_worker", "age"));
    root.put("target", "log-odds of good (repaid) against bad (defaulted)");
    Map<String, Object> scaling = new LinkedHashMap<>();
    scaling.put("baseScore", (int) ScorecardTrainer.BASE_SCORE);
    scaling.put("baseOdds", (int) ScorecardTrainer.BASE_ODDS);
    scaling.put("pointsToDoubleOdds", (int) ScorecardTrainer.POINTS_TO_DOUBLE);
    scaling.put("factor", decimal(ScorecardTrainer.Fitted.factor()));
    scaling.put("offset", decimal(ScorecardTrainer.Fitted.offset()));
    root.put("scaling", scaling);
    root.put("intercept", decimal(model.intercept()));
    List<Object> features = new ArrayList<>();
    for (int j = 0; j < model.features().size(); j++) {
      features.add(feature(model, j));
    }
    root.put("features", features);
    Map<String, Object> evaluation = new LinkedHashMap<>();
    evaluation.put("protocol", "stratified 10-fold cross-validation, seeds 1-5, pooled");
    evaluation.put("auc", decimal4(figures.auc()));
    evaluation.put("ks", decimal4(figures.ks()));
    evaluation.put("expectedCost", decimal4(figures.expectedCost()));
    evaluation.put("cutOffProbabilityOfDefault", decimal4(Evaluation.CUT_OFF_PD));
    root.put("evaluation", evaluation);
    JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    return mapper.writeValueAsString(root) + "\n";
  }

  private static Map<String, Object> feature(ScorecardTrainer.Fitted model, int j) {
    ScorecardTrainer.FeatureSpec spec = model.features().get(j);
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("name", spec.name());
    feature.put("type", spec.numeric() ? "numeric" : "categorical");
    feature.put("coefficient", decimal(model.beta()[j]));
    List<Object> bins = new ArrayList<>();
    for (int i = 0; i < spec.binCount(); i++) {
      Map<String, Object> bin = new LinkedHashMap<>();
      if (spec.numeric()) {
        bin.put("upToInclusive", i < spec.upperEdges().length ? (long) spec.upperEdges()[i] : null);
      } else {
        bin.put("category", spec.categories().get(i));
      }
      bin.put("woe", decimal(model.woe()[j][i]));
      bin.put("points", decimal(model.points(j, i)));
      bins.add(bin);
    }
    feature.put("bins", bins);
    return feature;
  }

  private static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP);
  }

  private static BigDecimal decimal4(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
  }
}
