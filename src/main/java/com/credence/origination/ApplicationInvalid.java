package com.credence.origination;

import com.credence.origination.domain.FieldError;
import com.credence.shared.ProblemException;
import java.util.List;

/** A form with invalid fields: 400 {@code VALIDATION_FAILED} with one error per field. */
public class ApplicationInvalid extends ProblemException {

  private final transient List<FieldError> errors;

  public ApplicationInvalid(List<FieldError> errors) {
    super(400, "VALIDATION_FAILED", "The request has invalid fields", "problem.validation-failed");
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
