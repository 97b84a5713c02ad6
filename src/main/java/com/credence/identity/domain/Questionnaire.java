package com.credence.identity.domain;

import com.credence.identity.RiskLevel;
import java.util.List;
import java.util.Locale;

/**
 * The investor risk questionnaire (风险测评): ten questions in Chinese and English, each option worth 1
 * to 4 points. The sum (10-40) gives the level; saying that no loss of principal is acceptable caps
 * the level at {@link RiskLevel#CONSERVATIVE}, whatever else was answered.
 */
public final class Questionnaire {

  /** One answer: the value the client sends and the points it is worth. */
  public record Option(int value, int points, String zh, String en) {
    public String text(Locale locale) {
      return "en".equals(locale.getLanguage()) ? en : zh;
    }
  }

  /** One question with its options in display order. */
  public record Question(String id, String zh, String en, List<Option> options) {
    public String text(Locale locale) {
      return "en".equals(locale.getLanguage()) ? en : zh;
    }
  }

  /** The outcome: total points and level. */
  public record Result(int score, RiskLevel level) {}

  /** Thrown when the answers do not fit the questions. */
  public static final class InvalidAnswersException extends RuntimeException {
    private final int questionIndex;

    InvalidAnswersException(String message, int questionIndex) {
      super(message);
      this.questionIndex = questionIndex;
    }

    /** The 0-based question the problem is about, -1 for the count. */
    public int questionIndex() {
      return questionIndex;
    }
  }

  public static final List<Question> QUESTIONS =
      List.of(
          q(
              "age",
              "您的年龄是？",
              "How old are you?",
              o(1, 4, "18-30岁", "18-30"),
              o(2, 3, "31-45岁", "31-45"),
              o(3, 2, "46-60岁", "46-60"),
              o(4, 1, "60岁以上", "over 60")),
          q(
              "income",
              "您的家庭年收入约为？",
              "What is your household's yearly income?",
              o(1, 1, "10万元以下", "under 100,000 CNY"),
              o(2, 2, "10万-30万元", "100,000-300,000 CNY"),
              o(3, 3, "30万-100万元", "300,000-1,000,000 CNY"),
              o(4, 4, "100万元以上", "over 1,000,000 CNY")),
          q(
              "share",
              "您计划出借的资金占家庭金融资产的比例是？",
              "What share of your household's financial assets do you plan to lend?",
              o(1, 1, "50%以上", "over 50%"),
              o(2, 2, "30%-50%", "30%-50%"),
              o(3, 3, "10%-30%", "10%-30%"),
              o(4, 4, "10%以下", "under 10%")),
          q(
              "experience",
              "您投资股票、基金、网络借贷等非存款产品的经验有多久？",
              "How long have you invested in products other than deposits (stocks, funds, online lending)?",
              o(1, 1, "没有经验", "never"),
              o(2, 2, "2年以下", "under 2 years"),
              o(3, 3, "2-5年", "2-5 years"),
              o(4, 4, "5年以上", "over 5 years")),
          q(
              "knowledge",
              "您对金融产品和风险的了解程度如何？",
              "How well do you know financial products and their risks?",
              o(1, 1, "很少了解", "very little"),
              o(2, 2, "一般了解", "somewhat"),
              o(3, 3, "比较了解", "well"),
              o(4, 4, "非常了解，有专业背景", "very well, professionally")),
          q(
              "goal",
              "您出借的主要目的是？",
              "What is the main aim of your lending?",
              o(1, 1, "本金不受任何损失", "never losing any principal"),
              o(2, 2, "获得稳定的收益，可承受小幅波动", "steady returns, small ups and downs are fine"),
              o(3, 3, "获得较高收益，可承受一定损失", "higher returns, some losses are fine"),
              o(4, 4, "追求高收益，可承受较大损失", "high returns, large losses are fine")),
          q(
              "horizon",
              "这笔资金您可以出借多长时间？",
              "For how long can this money stay lent?",
              o(1, 1, "6个月以内", "under 6 months"),
              o(2, 2, "6-12个月", "6-12 months"),
              o(3, 3, "1-3年", "1-3 years"),
              o(4, 4, "3年以上", "over 3 years")),
          q(
              "loss",
              "您最多能承受多大比例的本金损失？",
              "What is the largest loss of principal you could bear?",
              o(1, 1, "不能接受任何本金损失", "no loss at all"),
              o(2, 2, "10%以内", "up to 10%"),
              o(3, 3, "10%-30%", "10%-30%"),
              o(4, 4, "30%以上", "over 30%")),
          q(
              "overdue",
              "如果您出借的项目发生逾期，您会？",
              "If a loan you funded is overdue, what do you do?",
              o(1, 1, "非常焦虑，不再出借", "worry a lot and stop lending"),
              o(2, 2, "减少出借金额", "lend less"),
              o(3, 3, "继续持有，观察情况", "hold and watch"),
              o(4, 4, "照常出借，分散风险", "keep lending, spread the risk")),
          q(
              "debt",
              "您每月偿还债务的金额占月收入的比例是？",
              "What share of your monthly income goes to paying debts?",
              o(1, 1, "50%以上", "over 50%"),
              o(2, 2, "30%-50%", "30%-50%"),
              o(3, 3, "10%-30%", "10%-30%"),
              o(4, 4, "10%以下或没有负债", "under 10% or no debts")));

  /** Index of the loss question and the option that caps the level. */
  private static final int LOSS_QUESTION = 7;

  private static final int NO_LOSS_OPTION = 1;

  private Questionnaire() {}

  /** Scores one option value per question, in the order of {@link #QUESTIONS}. */
  public static Result score(List<Integer> answers) {
    if (answers == null || answers.size() != QUESTIONS.size()) {
      throw new InvalidAnswersException(
          "Answer each of the " + QUESTIONS.size() + " questions once", -1);
    }
    int score = 0;
    for (int i = 0; i < QUESTIONS.size(); i++) {
      Integer value = answers.get(i);
      int index = i;
      Option option =
          QUESTIONS.get(i).options().stream()
              .filter(o -> value != null && o.value() == value)
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidAnswersException(
                          "No such option for question " + (index + 1), index));
      score += option.points();
    }
    RiskLevel level = levelFor(score);
    if (answers.get(LOSS_QUESTION) == NO_LOSS_OPTION) {
      level = level.atMost(RiskLevel.CONSERVATIVE);
    }
    return new Result(score, level);
  }

  /** 10-15 conservative, 16-21 cautious, 22-28 balanced, 29-34 growth, 35-40 aggressive. */
  static RiskLevel levelFor(int score) {
    if (score <= 15) {
      return RiskLevel.CONSERVATIVE;
    }
    if (score <= 21) {
      return RiskLevel.CAUTIOUS;
    }
    if (score <= 28) {
      return RiskLevel.BALANCED;
    }
    if (score <= 34) {
      return RiskLevel.GROWTH;
    }
    return RiskLevel.AGGRESSIVE;
  }

  private static Question q(String id, String zh, String en, Option... options) {
    return new Question(id, zh, en, List.of(options));
  }

  private static Option o(int value, int points, String zh, String en) {
    return new Option(value, points, zh, en);
  }
}
