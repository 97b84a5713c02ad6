package com.credence.identity;

import java.util.List;

/** A questionnaire question in one language. */
public record QuestionView(String id, String text, List<OptionView> options) {

  public QuestionView {
    options = List.copyOf(options);
  }

  /** One option: the value to send back and its text. */
  public record OptionView(int value, String text) {}
}
