package org.aimonitor.web;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EofException;

/**
 * Whether a request failed only because its client went away: it closed or reset the
 * connection while a download streamed or a body was read, or stopped reading until the idle
 * timeout. Nobody is left to answer, and nothing is wrong with the server, so it is logged as
 * one INFO line, never as an ERROR with a stack trace (issue 26: 200 aborted downloads wrote
 * 1.8 MB of log).
 */
public final class ClientGone {

  private ClientGone() {
  }

  /** Whether {@code error} or one of its causes says the client went away. */
  public static boolean is(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EofException || t instanceof ClosedChannelException
          || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof IOException) {
        String message = String.valueOf(t.getMessage());
        if (message.contains("Broken pipe") || message.contains("Connection reset")
            || message.contains("Early EOF") || message.equals("Closed")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The innermost message, for the one log line. */
  public static String reason(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
