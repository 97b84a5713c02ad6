package com.credence.origination;

import com.credence.origination.domain.FieldError;
import com.credence.shared.InvalidAmountException;
import com.credence.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads a form's text fields, collecting one error per invalid field instead of stopping. */
final class FormParser {

  private final List<FieldError> errors = new ArrayList<>();

  List<FieldError> errors() {
    return errors;
  }

  void add(String field, String messageKey, String detail) {
    errors.add(new FieldError(field, messageKey, detail));
  }

  void addAll(List<FieldError> more) {
    errors.addAll(more);
  }

  static boolean blank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  @Nullable String required(String field, @Nullable String text, int maxLength) {
    if (blank(text)) {
      add(field, "origination.error.required", field + " is required");
      return null;
    }
    String value = text.strip();
    if (value.length() > maxLength) {
      add(field, "origination.error.too-long", field + " is longer than " + maxLength);
      return null;
    }
    return value;
  }

  /** A positive amount in yuan with at most two decimals; null (and an error) otherwise. */
  @Nullable Money money(String field, @Nullable String text, boolean required) {
    if (blank(text)) {
      if (required) {
        add(field, "origination.error.required", field + " is required");
      }
      return null;
    }
    try {
      Money money = Money.parseCny(text.strip());
      if (money.amountMinor() > Money.MAX_MINOR / 1000) {
        throw new InvalidAmountException("too large");
      }
      return money;
    } catch (InvalidAmountException | IllegalArgumentException | ArithmeticException e) {
      add(field, "origination.error.amount-format", field + " must be an amount such as 1000.00");
      return null;
    }
  }

  @Nullable Integer integer(
      String field, @Nullable String text, int min, int max, boolean required) {
    if (blank(text)) {
      if (required) {
        add(field, "origination.error.required", field + " is required");
      }
      return null;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        throw new NumberFormatException("out of range");
      }
      return value;
    } catch (NumberFormatException e) {
      add(field, "origination.error.number", field + " must be a whole number " + min + "-" + max);
      return null;
    }
  }

  <E extends Enum<E>> @Nullable E choice(
      String field, @Nullable String text, Class<E> type, boolean required) {
    if (blank(text)) {
      if (required) {
        add(field, "origination.error.required", field + " is required");
      }
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      add(field, "origination.error.choice", field + " is not one of the allowed values");
      return null;
    }
  }
}
