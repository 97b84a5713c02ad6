package com.credence.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.identity.RiskLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class QuestionnaireTest {

  @Test
  void hasTenQuestionsInBothLanguages() {
    assertThat(Questionnaire.QUESTIONS).hasSize(10);
    for (Questionnaire.Question q : Questionnaire.QUESTIONS) {
      assertThat(q.text(Locale.ENGLISH))
          .isNotBlank()
          .isNotEqualTo(q.text(Locale.SIMPLIFIED_CHINESE));
      assertThat(q.options()).hasSizeGreaterThanOrEqualTo(3);
      q.options().forEach(o -> assertThat(o.text(Locale.ENGLISH)).isNotBlank());
    }
  }

  @Test
  void scoresTheExtremes() {
    assertThat(Questionnaire.score(List.of(4, 1, 1, 1, 1, 1, 1, 1, 1, 1)))
        .isEqualTo(new Questionnaire.Result(10, RiskLevel.CONSERVATIVE));
    assertThat(Questionnaire.score(List.of(1, 4, 4, 4, 4, 4, 4, 4, 4, 4)))
        .isEqualTo(new Questionnaire.Result(40, RiskLevel.AGGRESSIVE));
  }

  @Test
  void mapsScoreBandsToLevels() {
    assertThat(Questionnaire.levelFor(15)).isEqualTo(RiskLevel.CONSERVATIVE);
    assertThat(Questionnaire.levelFor(16)).isEqualTo(RiskLevel.CAUTIOUS);
    assertThat(Questionnaire.levelFor(21)).isEqualTo(RiskLevel.CAUTIOUS);
    assertThat(Questionnaire.levelFor(22)).isEqualTo(RiskLevel.BALANCED);
    assertThat(Questionnaire.levelFor(28)).isEqualTo(RiskLevel.BALANCED);
    assertThat(Questionnaire.levelFor(29)).isEqualTo(RiskLevel.GROWTH);
    assertThat(Questionnaire.levelFor(34)).isEqualTo(RiskLevel.GROWTH);
    assertThat(Questionnaire.levelFor(35)).isEqualTo(RiskLevel.AGGRESSIVE);
  }

  @Test
  void theDemoAnswersAreBalanced() {
    assertThat(Questionnaire.score(List.of(2, 2, 3, 2, 2, 3, 3, 3, 3, 3)).level())
        .isEqualTo(RiskLevel.BALANCED);
  }

  @Test
  void refusingAnyLossCapsTheLevelAtConservative() {
    assertThat(Questionnaire.score(List.of(1, 4, 4, 4, 4, 4, 4, 1, 4, 4)))
        .isEqualTo(new Questionnaire.Result(37, RiskLevel.CONSERVATIVE));
  }

  @Test
  void refusesWrongCountsAndUnknownOptions() {
    assertThatThrownBy(() -> Questionnaire.score(List.of(1, 2, 3)))
        .isInstanceOf(Questionnaire.InvalidAnswersException.class);
    assertThatThrownBy(() -> Questionnaire.score(List.of(1, 2, 3, 4, 1, 2, 3, 4, 1, 5)))
        .isInstanceOfSatisfying(
            Questionnaire.InvalidAnswersException.class,
            e -> assertThat(e.questionIndex()).isEqualTo(9));
    List<Integer> withNull = new ArrayList<>(Collections.nCopies(10, 1));
    withNull.set(3, null);
    assertThatThrownBy(() -> Questionnaire.score(withNull))
        .isInstanceOf(Questionnaire.InvalidAnswersException.class);
    assertThatThrownBy(() -> Questionnaire.score(null))
        .isInstanceOf(Questionnaire.InvalidAnswersException.class);
  }

  /** Property: more points never give a lower level (unless the no-loss answer caps it). */
  @RepeatedTest(100)
  void levelGrowsWithScore() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(1 + random.nextInt(4));
    }
    answers.set(7, 2 + random.nextInt(3));
    Questionnaire.Result result = Questionnaire.score(answers);
    assertThat(result.score()).as("seed %d", seed).isBetween(10, 40);
    assertThat(result.level())
        .as("seed %d", seed)
        .isEqualTo(Questionnaire.levelFor(result.score()));
  }
}
