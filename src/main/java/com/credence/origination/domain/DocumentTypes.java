package com.credence.origination.domain;

import java.util.Optional;

/**
 * Recognizes the file types a document may have by their first bytes (magic numbers), never by the
 * name or the type the client claims: PDF, JPEG and PNG.
 */
public final class DocumentTypes {

  public static final String PDF = "application/pdf";
  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {
    (byte) 0x89, 'P', 'N', 'G', (byte) 0x0D, (byte) 0x0A, (byte) 0x1A, (byte) 0x0A
  };

  private DocumentTypes() {}

  /** The content type the bytes are, or empty when they are none of the allowed types. */
  public static Optional<String> detect(byte[] content) {
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    return Optional.empty();
  }

  /** The extension that goes with a detected type. */
  public static String extension(String contentType) {
    return switch (contentType) {
      case PDF -> ".pdf";
      case JPEG -> ".jpg";
      case PNG -> ".png";
      default -> throw new IllegalArgumentException("Not an allowed type: " + contentType);
    };
  }

  /**
   * A file name safe for a header and a file system: letters, digits, dot, dash and underscore kept
   * (CJK letters too), everything else replaced, at most 100 characters, always ending in the
   * detected type's extension.
   */
  public static String safeFileName(String original, String contentType) {
    String base = original;
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    base = base.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    if (dot >= 0) {
      base = base.substring(0, dot);
    }
    StringBuilder safe = new StringBuilder();
    base.codePoints()
        .forEach(
            c -> {
              boolean ok = Character.isLetterOrDigit(c) || c == '-' || c == '_';
              safe.appendCodePoint(ok ? c : '_');
            });
    String name = safe.length() == 0 ? "document" : safe.toString();
    if (name.length() > 100) {
      name = name.substring(0, 100);
    }
    return name + extension(contentType);
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
