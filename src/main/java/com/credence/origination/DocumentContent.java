package com.credence.origination;

/** A document's bytes, for download by its owner or staff. */
public final class DocumentContent {

  private final String fileName;
  private final String contentType;
  private final byte[] content;

  public DocumentContent(String fileName, String contentType, byte[] content) {
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content.clone();
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] content() {
    return content.clone();
  }

  @Override
  public String toString() {
    return "DocumentContent[" + contentType + ", " + content.length + " bytes]";
  }
}
