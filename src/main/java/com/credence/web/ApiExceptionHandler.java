package com.credence.web;

import com.credence.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Renders every exception raised by a REST controller as problem+json with a stable code. Errors
 * raised before a controller is chosen (unknown path, wrong method, security) reach {@link
 * CredenceErrorController} instead, which answers in the same shape.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
    return respond(request, e.status(), e.code(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Object> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<Problems.FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new Problems.FieldError(f.getField(), f.getDefaultMessage()))
            .toList();
    return Problems.response(
        Problems.withErrors(
            body(request, 400, "VALIDATION_FAILED", "The request has invalid fields"), errors));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<Object> invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request) {
    List<Problems.FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                new Problems.FieldError(
                                    r.getMethodParameter().getParameterName() == null
                                        ? ""
                                        : r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage())))
            .toList();
    return Problems.response(
        Problems.withErrors(
            body(request, 400, "VALIDATION_FAILED", "The request has invalid parameters"), errors));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
    List<Problems.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage()))
            .toList();
    return Problems.response(
        Problems.withErrors(
            body(request, 400, "VALIDATION_FAILED", "The request has invalid fields"), errors));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (causedBy(e, ApiBodySizeLimitFilter.BodyTooLargeException.class)) {
      return respond(request, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than allowed");
    }
    return respond(
        request, 400, "MALFORMED_JSON", "The request body is not valid JSON for this endpoint");
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingRequestHeaderException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<Object> badParameter(Exception e, HttpServletRequest request) {
    return respond(request, 400, "BAD_REQUEST", e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> unsupportedMediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(
        request, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Object> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return respond(request, 406, "NOT_ACCEPTABLE", "This endpoint answers application/json");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> methodNotAllowed(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return respond(request, 405, "METHOD_NOT_ALLOWED", e.getMessage());
  }

  @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
  ResponseEntity<Object> stale(RuntimeException e, HttpServletRequest request) {
    return respond(
        request, 409, "CONFLICT", "The object was changed by someone else; reload and try again");
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ResponseEntity<Object> denied(RuntimeException e, HttpServletRequest request) {
    return respond(request, 403, "FORBIDDEN", "You are not allowed to do this");
  }

  @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
  ResponseEntity<Object> unauthenticated(RuntimeException e, HttpServletRequest request) {
    return respond(request, 401, "UNAUTHENTICATED", "Sign in first: send a valid bearer token");
  }

  @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
  ResponseEntity<Object> status(
      org.springframework.web.server.ResponseStatusException e, HttpServletRequest request) {
    int status = e.getStatusCode().value();
    return respond(
        request, status, Problems.codeFor(status), e.getReason() == null ? "" : e.getReason());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR.value(),
        "INTERNAL_ERROR",
        "Something went wrong on our side; nothing was changed. Quote the request id when you contact us");
  }

  private static ResponseEntity<Object> respond(
      HttpServletRequest request, int status, String code, String detail) {
    return Problems.response(body(request, status, code, detail));
  }

  private static Map<String, Object> body(
      HttpServletRequest request, int status, String code, String detail) {
    return Problems.body(request, status, code, detail, request.getRequestURI());
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
