package com.credence.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like page session over HTTPS: keeps cookies and sends the form's CSRF token. */
public final class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final HttpsClient http;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf = "";

  public PageSession(HttpsClient http) {
    this.http = http;
  }

  public HttpResponse<String> get(String path) {
    HttpResponse<String> response = http.send(withCookies(http.request(path)).GET());
    remember(response);
    return response;
  }

  /** Posts a form with the CSRF token of the last page fetched. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    return post(path, form, Map.of());
  }

  public HttpResponse<String> post(
      String path, Map<String, String> form, Map<String, String> headers) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("_csrf", csrf);
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        withCookies(http.request(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    HttpResponse<String> response = http.send(request);
    remember(response);
    return response;
  }

  public String csrf() {
    return csrf;
  }

  public static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return request;
  }

  private void remember(HttpResponse<String> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    Matcher field = CSRF.matcher(response.body());
    Matcher meta = CSRF_META.matcher(response.body());
    if (field.find()) {
      csrf = field.group(1);
    } else if (meta.find()) {
      csrf = meta.group(1);
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
