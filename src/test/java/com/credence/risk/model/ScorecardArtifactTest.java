package com.credence.risk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.credence.risk.domain.ScorecardModel;
import com.credence.risk.persistence.ScorecardArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed artifact is exactly what the training command produces today, and the shipped
 * BigDecimal scorer agrees with the trainer's floating-point model on every applicant.
 */
class ScorecardArtifactTest {

  private static final List<GermanCredit.Row> ROWS = GermanCredit.load();
  private static final String ARTIFACT = "risk/scorecard-v1.json";

  @Test
  void committedArtifactIsReproducibleFromTheTrainingCommand() throws IOException {
    ScorecardTrainer.Fitted model = ScorecardTrainer.fit(ScorecardTrainer.features(ROWS), ROWS);
    String expected = TrainScorecard.toJson(model, Evaluation.crossValidate(ROWS));

    String committed;
    try (var in = getClass().getClassLoader().getResourceAsStream(ARTIFACT)) {
      committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Line ends may differ by platform; the content may not.
    assertThat(committed.replace("\r\n", "\n")).isEqualTo(expected.replace("\r\n", "\n"));
  }

  @Test
  void shippedScorerAgreesWithTheTrainer() {
    ScorecardTrainer.Fitted trained = ScorecardTrainer.fit(ScorecardTrainer.features(ROWS), ROWS);
    ScorecardModel shipped = ScorecardArtifacts.fromClasspath(ARTIFACT);

    for (GermanCredit.Row row : ROWS) {
      ScorecardModel.Score score = shipped.score(row.values());
      double expectedPoints =
          ScorecardTrainer.Fitted.offset()
              + ScorecardTrainer.Fitted.factor() * trained.logOddsGood(row);

      assertThat(score.points()).isCloseTo((int) Math.round(expectedPoints), within(1));
      assertThat(score.probabilityOfDefault().doubleValue())
          .isCloseTo(trained.probabilityOfDefault(row), within(1e-4));
    }
  }

  @Test
  void scalingPutsSixHundredAtFiftyToOneAndTwentyPointsPerDoubling() {
    ScorecardModel shipped = ScorecardArtifacts.fromClasspath(ARTIFACT);
    double factor = shipped.factor().doubleValue();
    double offset = shipped.offset().doubleValue();

    assertThat(offset + factor * Math.log(50)).isCloseTo(600, within(1e-4));
    assertThat(offset + factor * Math.log(100)).isCloseTo(620, within(1e-4));
  }

  @Test
  void reasonCodesNameTheFeaturesThatCostTheMostPoints() {
    ScorecardModel shipped = ScorecardArtifacts.fromClasspath(ARTIFACT);
    Map<String, String> applicant = ROWS.get(1).values();

    ScorecardModel.Score score = shipped.score(applicant);

    assertThat(score.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    for (int i = 1; i < score.reasons().size(); i++) {
      assertThat(score.reasons().get(i - 1).pointsLost())
          .isGreaterThanOrEqualTo(score.reasons().get(i).pointsLost());
    }
    assertThat(score.reasons())
        .extracting(ScorecardModel.ReasonCode::feature)
        .doesNotHaveDuplicates();
  }
}
