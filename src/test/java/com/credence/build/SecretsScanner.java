package com.credence.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Patterns of secrets that must never be committed. */
final class SecretsScanner {

  private static final long MAX_BYTES = 2_000_000;

  /** Index of the pattern that does not apply to message bundles, where "password" is a label. */
  private static final int LABEL_SAFE_PATTERNS = 1;

  private static final List<Pattern> PATTERNS =
      List.of(
          // PEM private keys of any kind.
          Pattern.compile("-----BEGIN ([A-Z ]+ )?PRIVATE KEY-----"),
          // A password-like key with a literal value (not a ${placeholder}, not empty, not code).
          Pattern.compile(
              "(?i)(password|passwd|secret|api[_-]?key|access[_-]?token)[\"']?\\s*[:=]\\s*"
                  + "(?![\\s\"']*\\$\\{)(?![\\s\"']*$)(?![^\"'\\n]*\\()[\"']?[^\\s\"'$]{8,}"),
          // Cloud access keys.
          Pattern.compile("AKIA[0-9A-Z]{16}"),
          // JSON Web Tokens and bearer tokens with a literal value.
          Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"));

  private SecretsScanner() {}

  static List<String> scan(Path file) throws IOException {
    List<String> findings = new ArrayList<>();
    if (isForbiddenFile(file)) {
      findings.add(file + ": key or keystore file");
      return findings;
    }
    if (Files.size(file) > MAX_BYTES || isBinary(file)) {
      return findings;
    }
    findings.addAll(scanText(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
    return findings;
  }

  static List<String> scanText(String name, String text) {
    List<String> findings = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    boolean messageBundle =
        name.replace('\\', '/').matches("(.*/)?messages(_[A-Za-z_]+)?\\.properties");
    for (int i = 0; i < lines.length; i++) {
      for (int p = 0; p < PATTERNS.size(); p++) {
        if (messageBundle && p == LABEL_SAFE_PATTERNS) {
          continue;
        }
        if (PATTERNS.get(p).matcher(lines[i]).find()) {
          findings.add(name + ":" + (i + 1) + ": looks like a secret");
          break;
        }
      }
    }
    return findings;
  }

  static boolean isForbiddenFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".p12")
        || name.endsWith(".pfx")
        || name.endsWith(".jks")
        || name.endsWith(".keystore")
        || name.endsWith(".key")
        || name.equals("id_rsa")
        || name.equals("id_ed25519")
        || name.equals("id_ecdsa");
  }

  private static boolean isBinary(Path file) throws IOException {
    byte[] head;
    try (var in = Files.newInputStream(file)) {
      head = in.readNBytes(8000);
    }
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }
}
