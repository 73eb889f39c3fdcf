package org.aimonitor.importer;

/**
 * The reason staff give for an import (the command line's {@code --reason}, the upload form's
 * field, the API's {@code reason} parameter), checked and written the same way for all three:
 * one line, spaces collapsed, at most {@link #MAX_LENGTH} characters; none when blank.
 */
public final class ImportReason {

  /** Longest reason accepted: a sentence or two, as /updates and a feed title show it. */
  public static final int MAX_LENGTH = 500;

  private ImportReason() {
  }

  /**
   * The reason as the log keeps it, or null for none.
   *
   * @throws IllegalArgumentException with a message for the user when it is too long
   */
  public static String of(String raw) {
    if (raw == null) {
      return null;
    }
    String reason = raw.strip().replaceAll("\\s+", " ");
    if (reason.isEmpty()) {
      return null;
    }
    if (reason.codePointCount(0, reason.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("the reason has " + reason.codePointCount(0, reason.length())
          + " characters, over the limit of " + MAX_LENGTH);
    }
    return reason;
  }
}
