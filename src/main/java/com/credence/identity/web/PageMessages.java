package com.credence.identity.web;

import com.credence.shared.ProblemException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a business rejection into a sentence in the visitor's language for the pages. */
@Component
class PageMessages {

  private final MessageSource messages;

  PageMessages(MessageSource messages) {
    this.messages = messages;
  }

  String of(ProblemException problem, Locale locale) {
    return messages.getMessage(problem.messageKey(), null, problem.getMessage(), locale);
  }

  String of(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
