package com.credence.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HTTPS client for tests that trusts exactly the platform's self-signed certificate from the
 * data directory (no trust-all shortcuts), and follows no redirects.
 */
public final class HttpsClient {

  private final HttpClient client;
  private final String baseUrl;

  public HttpsClient(Path dataDir, int port) {
    this.baseUrl = "https://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .sslContext(trusting(dataDir))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static SSLContext trusting(Path dataDir) {
    Path tls = dataDir.resolve("tls");
    try (InputStream in = Files.newInputStream(tls.resolve("credence-tls.p12"))) {
      char[] password =
          Files.readString(tls.resolve("keystore-password"), StandardCharsets.UTF_8)
              .trim()
              .toCharArray();
      KeyStore keystore = KeyStore.getInstance("PKCS12");
      keystore.load(in, password);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(keystore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the platform's TLS certificate from " + tls, e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> getWithToken(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token).GET());
  }

  public HttpResponse<String> postJson(String path, String json, String token) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return send(builder);
  }

  public String baseUrl() {
    return baseUrl;
  }
}
