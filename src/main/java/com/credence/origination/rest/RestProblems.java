package com.credence.origination.rest;

import com.credence.origination.ApplicationInvalid;
import com.credence.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Renders origination's problems as application/problem+json in the platform's shape; only needed
 * here because a form's field errors travel with the exception.
 */
final class RestProblems {

  private RestProblems() {}

  static ResponseEntity<Object> invalid(ApplicationInvalid e, HttpServletRequest request) {
    Map<String, Object> body = body(e, request);
    List<Map<String, String>> errors =
        e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.detail())).toList();
    body.put("errors", errors);
    return respond(e.status(), body);
  }

  private static Map<String, Object> body(ProblemException e, HttpServletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "/problems/" + e.code().toLowerCase(Locale.ROOT).replace('_', '-'));
    HttpStatus known = HttpStatus.resolve(e.status());
    body.put("title", known == null ? "Error" : known.getReasonPhrase());
    body.put("status", e.status());
    body.put("detail", e.getMessage());
    body.put("instance", request.getRequestURI());
    body.put("code", e.code());
    String requestId = MDC.get("requestId");
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    return body;
  }

  private static ResponseEntity<Object> respond(int status, Map<String, Object> body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
