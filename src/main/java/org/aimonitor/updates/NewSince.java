package org.aimonitor.updates;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.regex.Pattern;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.web.HttpProblem;
import org.jdbi.v3.core.Handle;

/**
 * "New since your last visit", remembered in one first-party cookie and nothing else: the
 * number of the import the reader had seen up to, and of the latest import they have been
 * shown. Figures that imports after the first recorded are marked; when a later import lands,
 * the next marked page moves both on (what was the latest becomes what was seen), so the marks
 * always mean "since the data you last looked at".
 *
 * <p>Off unless the reader turns it on: no cookie is set before they press the button, and
 * "Turn off" deletes it. The value is normalised to known imports before it is used (two
 * numbers no larger than the latest import), so a page varies by at most one entry per import
 * in the page cache, whatever a client sends, and no reader is ever served another's marks.
 */
public final class NewSince {

  /** The cookie's name. */
  public static final String COOKIE = "aim_seen";
  /** A year, like the language cookie: long enough to span the gaps between visits. */
  static final int MAX_AGE_SECONDS = 365 * 24 * 3600;
  /** Figures counted before the overview says "more than". */
  static final int MAX_COUNTED = 10_000;
  private static final Pattern VALUE = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

  /**
   * A reader's state: off, or marking what imports after {@code since} recorded; {@code seen} is
   * the latest import they have been shown.
   */
  public record State(boolean on, long since, long seen) {

    public static final State OFF = new State(false, 0, 0);

    /** The cookie's value: {@code since-seen}. */
    public String cookieValue() {
      return since + "-" + seen;
    }

    /** What the page cache keys on: off, or the import marks are counted from. */
    public String variant() {
      return on ? "new-since=" + since : "new-since=off";
    }

    /** Whether a figure or import recorded by {@code importId} is marked. */
    public boolean isNew(Long importId) {
      return on && importId != null && importId > since;
    }
  }

  /**
   * The state a cookie value stands for when {@code latest} is the newest import: nothing
   * unreadable counts (it means off), numbers above the latest are brought down to it, and if
   * an import landed since the reader was last shown the data, the marks move on to it.
   */
  public static State of(String cookie, long latest) {
    if (cookie == null) {
      return State.OFF;
    }
    var m = VALUE.matcher(cookie);
    if (!m.matches()) {
      return State.OFF;
    }
    long seen = Math.min(Long.parseLong(m.group(2)), latest);
    long since = Math.min(Long.parseLong(m.group(1)), seen);
    if (seen < latest) {
      since = seen;
      seen = latest;
    }
    return new State(true, since, seen);
  }

  /** This request's state against the latest import. */
  public static State of(Context ctx, long latest) {
    return of(ctx.cookie(COOKIE), latest);
  }

  /**
   * Figures added or revised after import {@code since}, counted through the import index up to
   * {@link #MAX_COUNTED} (more is "more than").
   */
  public static long countSince(Handle h, long since) {
    return h.attach(UpdateQueries.class).countSince(since, MAX_COUNTED + 1);
  }

  private final Database db;
  private final boolean https;

  public NewSince(Database db, boolean https) {
    this.db = db;
    this.https = https;
  }

  /** This request's state, against the latest import the cache sees. */
  public State state(Context ctx) {
    return of(ctx, db.version().lastImport());
  }

  /** The page cache's variant for a page that marks: see {@link State#variant()}. */
  public String variant(Context ctx) {
    return state(ctx).variant();
  }

  /**
   * {@code page}, after moving the reader's cookie on when an import has landed since they were
   * last shown the data (set outside the cache: a cached page never carries a cookie).
   */
  public Handler marking(Handler page) {
    return ctx -> {
      State s = state(ctx);
      if (s.on() && !s.cookieValue().equals(ctx.cookie(COOKIE))) {
        ctx.cookie(cookie(s.cookieValue(), MAX_AGE_SECONDS));
      }
      page.handle(ctx);
    };
  }

  /**
   * {@code POST /updates/marks}: {@code action=on} starts marking from the latest import,
   * {@code seen} marks everything as seen, {@code off} deletes the cookie; then back to the page
   * the form was on ({@code back}, a path on this site).
   */
  public void change(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      // Another site's page cannot switch a reader's marks.
      throw HttpProblem.of(403, "updates.marks.error.forbidden", "updates.marks.error.cross-site");
    }
    String action = String.valueOf(ctx.formParam("action"));
    long latest = db.version().lastImport();
    switch (action) {
      case "on", "all-seen" -> ctx.cookie(cookie(latest + "-" + latest, MAX_AGE_SECONDS));
      case "turn-off" -> ctx.cookie(cookie("", 0));
      default -> throw HttpProblem.said(400, Text.of(ctx).t("filter.error.title"),
          Text.of(ctx).t("updates.marks.error.action", action));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(back(ctx.formParam("back")), HttpStatus.SEE_OTHER);
  }

  /** A path on this site to return to; anything else (another site, nothing) is the overview. */
  static String back(String path) {
    if (path == null || path.length() > 2_000 || !path.startsWith("/") || path.startsWith("//")
        || path.chars().anyMatch(c -> c == '\\' || c < 0x21 || c == 0x7f)) {
      return "/";
    }
    return path;
  }

  private Cookie cookie(String value, int maxAge) {
    Cookie c = new Cookie(COOKIE, value);
    c.setPath("/");
    c.setMaxAge(maxAge);
    c.setSameSite(SameSite.LAX);
    c.setHttpOnly(true);
    c.setSecure(https);
    return c;
  }
}
