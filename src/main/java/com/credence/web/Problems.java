package com.credence.web;

import com.credence.platform.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one place that shapes problem+json bodies (RFC 9457, API.md "Errors"): {@code type, title,
 * status, detail, instance, code, requestId}, plus {@code errors[]} for validation.
 */
public final class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private Problems() {}

  /** The stable code for an HTTP status when no rule gave a more precise one. */
  public static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 422 -> "UNPROCESSABLE";
      case 429 -> "RATE_LIMITED";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }

  public static Map<String, Object> body(
      HttpServletRequest request, int status, String code, String detail, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    HttpStatus known = HttpStatus.resolve(status);
    body.put("title", known == null ? "Error" : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", instance);
    body.put("code", code);
    body.put("requestId", RequestIdFilter.currentId(request));
    return body;
  }

  public static Map<String, Object> withErrors(Map<String, Object> body, List<FieldError> errors) {
    body.put("errors", errors);
    return body;
  }

  public static ResponseEntity<Object> response(Map<String, Object> body) {
    return ResponseEntity.status((Integer) body.get("status")).contentType(PROBLEM_JSON).body(body);
  }

  /** One invalid field of a request: its JSON name and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
