package com.credence.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers every error that reaches the servlet container's error page: problem+json for the API
 * (and actuator), a friendly page in the visitor's language for everything else. Never a stack
 * trace.
 */
@Controller
class CredenceErrorController implements ErrorController {

  static final String VIEW = "error/page";

  @RequestMapping("/error")
  Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
    int status = statusOf(request);
    String path = originalPath(request);
    if (isApi(path)) {
      return apiProblem(request, status, path);
    }
    response.setStatus(status);
    String kind =
        switch (status) {
          case 403, 404, 500 -> String.valueOf(status);
          default -> status >= 500 ? "500" : "other";
        };
    model.addAttribute("status", status);
    model.addAttribute("kind", kind);
    model.addAttribute("requestId", com.credence.platform.RequestIdFilter.currentId(request));
    return VIEW;
  }

  private static ResponseEntity<Object> apiProblem(
      HttpServletRequest request, int status, String path) {
    String code = Problems.codeFor(status);
    String detail =
        switch (status) {
          case 401 -> "Sign in first: send a valid bearer token";
          case 403 -> "You are not allowed to do this";
          case 404 -> "No such resource";
          case 405 -> "This method is not allowed on this resource";
          case 413 -> "The request body is larger than allowed";
          case 415 -> "Send the request body as application/json";
          default ->
              status >= 500
                  ? "Something went wrong on our side"
                  : "The request could not be processed";
        };
    Map<String, Object> body = Problems.body(request, status, code, detail, path);
    return Problems.response(body);
  }

  static boolean isApi(String path) {
    return path.startsWith("/api/") || path.startsWith("/actuator");
  }

  private static int statusOf(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (status instanceof Integer code && code >= 400) {
      return code;
    }
    return 500;
  }

  private static String originalPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri == null ? request.getRequestURI() : uri.toString();
  }
}
