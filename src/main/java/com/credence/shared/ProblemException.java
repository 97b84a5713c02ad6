package com.credence.shared;

/**
 * A business rejection with its HTTP status and stable API code. Modules throw subclasses (or this
 * class) from their rules; the web layer renders them as problem+json for the API and as a message
 * on pages. The status lives with the rule, not with a central mapper.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String code;
  private final String messageKey;

  /**
   * @param status the HTTP status, 4xx for a client's mistake or a rule, 5xx for our failure
   * @param code the stable upper-case code of API.md, e.g. {@code INSUFFICIENT_FUNDS}
   * @param detail an English sentence for logs and API clients
   * @param messageKey the key of the localized message shown on pages
   */
  public ProblemException(int status, String code, String detail, String messageKey) {
    super(detail);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("Problem status must be 4xx or 5xx: " + status);
    }
    this.status = status;
    this.code = code;
    this.messageKey = messageKey;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return messageKey;
  }

  /** The object does not exist or belongs to someone else: both answer 404. */
  public static ProblemException notFound(String what) {
    return new ProblemException(404, "NOT_FOUND", what + " not found", "problem.not-found");
  }
}
