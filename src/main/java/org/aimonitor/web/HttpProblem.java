package org.aimonitor.web;

import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Messages;
import org.aimonitor.i18n.Text;

/**
 * A request the app refuses with a status and a message meant for the user: thrown by handlers,
 * answered by {@link App} as an error page in the request's language, or as JSON (in English) on
 * API and {@code .json} routes.
 *
 * <p>The title and the message are bundle keys, so the error page speaks the page's language.
 * A {@code detail} is English-only text that has no translation (a validator's or a parser's
 * own words, such as "Unknown region "XX""); the error page shows it marked as English.
 */
public final class HttpProblem extends RuntimeException {

  private final int status;
  private final String titleKey;
  private final String messageKey;
  private final Object[] args;
  private final String detail;
  /** Title and message already written in the request's language (see {@link #said}). */
  private final String saidTitle;
  private final String saidMessage;

  private HttpProblem(int status, String titleKey, String messageKey, Object[] args, String detail) {
    super(english(messageKey, args, detail), null, false, false);
    this.status = status;
    this.titleKey = titleKey;
    this.messageKey = messageKey;
    this.args = args == null ? new Object[0] : args.clone();
    this.detail = detail;
    this.saidTitle = null;
    this.saidMessage = null;
  }

  private HttpProblem(int status, String title, String message) {
    super(message, null, false, false);
    this.status = status;
    this.titleKey = null;
    this.messageKey = null;
    this.args = new Object[0];
    this.detail = null;
    this.saidTitle = title;
    this.saidMessage = message;
  }

  /**
   * A problem whose title and message the thrower has already written from the bundles in the
   * request's language (parameter checks that name the refused value and the valid ones).
   */
  public static HttpProblem said(int status, String title, String message) {
    return new HttpProblem(status, title, message);
  }

  /** A problem told in bundle text: a title key and a message key with its placeholders' values. */
  public static HttpProblem of(int status, String titleKey, String messageKey, Object... args) {
    return new HttpProblem(status, titleKey, messageKey, args, null);
  }

  /** This problem with English-only {@code detail} added after its message. */
  public HttpProblem withDetail(String detail) {
    return new HttpProblem(status, titleKey, messageKey, args, detail);
  }

  public int status() {
    return status;
  }

  /** The title in {@code t}'s language. */
  public String title(Text t) {
    return saidTitle != null ? saidTitle : t.t(titleKey);
  }

  /** The message in {@code t}'s language. */
  public String message(Text t) {
    return saidMessage != null ? saidMessage : t.t(messageKey, args);
  }

  /** English-only text that explains the problem in detail, or null. */
  public String detail() {
    return detail;
  }

  /** The English text for JSON answers and logs: the message, then the detail. */
  private static String english(String messageKey, Object[] args, String detail) {
    String message = Messages.get(Lang.EN, messageKey, args);
    return detail == null ? message : message + " " + detail;
  }
}
