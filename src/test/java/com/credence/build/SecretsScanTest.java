package com.credence.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a committed file holds a private key, a keystore, a password or a token.
 * Scans every file git tracks (or would track: untracked but not ignored).
 */
class SecretsScanTest {

  @Test
  void noSecretsInTheRepository() throws Exception {
    List<String> findings = new ArrayList<>();
    for (Path file : trackedFiles()) {
      findings.addAll(SecretsScanner.scan(file));
    }
    assertThat(findings).as("secrets found in the repository").isEmpty();
  }

  @Test
  void findsAPlantedPrivateKey() {
    String key =
        "-----BEGIN "
            + "PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    assertThat(SecretsScanner.scanText("config/key.pem", key)).hasSize(1);
    String ec = "-----BEGIN EC " + "PRIVATE KEY-----";
    assertThat(SecretsScanner.scanText("a.txt", ec)).hasSize(1);
  }

  @Test
  void findsPlantedPasswordsAndTokens() {
    assertThat(SecretsScanner.scanText("application.yml", "  pass" + "word: hunter22Secret"))
        .hasSize(1);
    assertThat(
            SecretsScanner.scanText("app.properties", "credence.admin.pass" + "word=Sup3rSecret!"))
        .hasSize(1);
    assertThat(
            SecretsScanner.scanText(
                "Foo.java", "String apiKey = \"" + "sk_live_0123456789abcdefABCDEF\";"))
        .hasSize(1);
    assertThat(SecretsScanner.scanText("x.env", "AWS_KEY=" + "AKIA" + "ABCDEFGHIJKLMNOP"))
        .hasSize(1);
    assertThat(
            SecretsScanner.scanText(
                "x.sh",
                "curl -H 'Authorization: Bearer "
                    + "eyJ"
                    + "hbGciOiJIUzI1NiJ9."
                    + "eyJ"
                    + "zdWIiOiIxIn0.abcDEF123456'"))
        .hasSize(1);
  }

  @Test
  void acceptsPlaceholdersAndReferences() {
    assertThat(
            SecretsScanner.scanText(
                "application.yml", "  pass" + "word: ${CREDENCE_ADMIN_PASSWORD:}"))
        .isEmpty();
    assertThat(SecretsScanner.scanText("application.yml", "  pass" + "word:")).isEmpty();
    assertThat(SecretsScanner.scanText("Foo.java", "String pass" + "word = request.password();"))
        .isEmpty();
    assertThat(SecretsScanner.scanText("README.md", "| `CREDENCE_ADMIN_PASSWORD` | unset |"))
        .isEmpty();
  }

  @Test
  void messageBundlesMayNameThePasswordField() {
    assertThat(
            SecretsScanner.scanText(
                "src/main/resources/messages_en.properties", "field.pass" + "word=Password"))
        .isEmpty();
    assertThat(
            SecretsScanner.scanText(
                "src/main/resources/messages_en.properties", "-----BEGIN " + "PRIVATE KEY-----"))
        .hasSize(1);
  }

  @Test
  void refusesKeystoreFiles() {
    assertThat(SecretsScanner.isForbiddenFile(Path.of("src/main/resources/server.p12"))).isTrue();
    assertThat(SecretsScanner.isForbiddenFile(Path.of("keys/id_rsa"))).isTrue();
    assertThat(SecretsScanner.isForbiddenFile(Path.of("src/main/resources/application.yml")))
        .isFalse();
  }

  private static List<Path> trackedFiles() throws IOException, InterruptedException {
    Process git =
        new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard")
            .redirectErrorStream(true)
            .start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as(out).isZero();
    List<Path> files =
        out.lines().filter(l -> !l.isBlank()).map(Path::of).filter(Files::isRegularFile).toList();
    assertThat(files).as("git lists the repository's files").isNotEmpty();
    return files;
  }
}
