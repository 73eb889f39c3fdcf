package org.aimonitor.updates;

import java.util.Optional;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.ImportLog;
import org.jdbi.v3.core.Handle;

/**
 * The "new since your last visit" box a marking page shows: what is new (or the offer to mark
 * it), and the buttons that turn marking on, mark everything as seen, or turn it off. Its
 * form posts to {@code /updates/marks} and comes back to {@code back}.
 *
 * @param on      whether the reader has marking on
 * @param message what the page says about new figures, or the offer when off
 * @param link    a further link ("See what changed"), or null; {@code linkText} its words
 * @param anyNew  whether anything is marked (offers "Mark all as seen")
 * @param back    the page's own address, to return to after a button
 */
public record Notice(boolean on, String message, String link, String linkText, boolean anyNew,
    String back) {

  /** The box for a reader who has not turned marking on. */
  public static Notice off(String back, Text t) {
    return new Notice(false, t.t("updates.new.off"), null, null, false, back);
  }

  /** The box for state {@code s} saying {@code message}; off when the reader has not turned it on. */
  public static Notice of(NewSince.State s, String message, boolean anyNew, String back, Text t) {
    return s.on() ? new Notice(true, message, null, null, anyNew, back) : off(back, t);
  }

  /** The same box with a further link. */
  public Notice withLink(String href, String text) {
    return new Notice(on, message, href, text, anyNew, back);
  }

  /**
   * When the reader had last seen the data: the day import {@code since} was logged, in words
   * ("2 Nov 2026"); "before the first import" for 0.
   */
  public static String seenUpTo(Handle h, long since, Text t) {
    Optional<ImportLog.Entry> log = since <= 0 ? Optional.empty() : ImportLog.on(h).byId(since);
    return log.map(l -> t.date(ImportLog.day(l.at()))).orElse(t.t("updates.new.before-first"));
  }

  /**
   * The overview's box: how many figures imports after the reader's last visit added or revised
   * (counted up to {@link NewSince#MAX_COUNTED}), with a link to what changed.
   */
  public static Notice overview(Handle h, NewSince.State s, String back, Text t) {
    if (!s.on()) {
      return off(back, t);
    }
    long count = NewSince.countSince(h, s.since());
    String upTo = seenUpTo(h, s.since(), t);
    if (count == 0) {
      return new Notice(true, t.t("updates.new.none", upTo), null, null, s.since() < s.seen(), back)
          .withLink("/updates", t.t("updates.new.see"));
    }
    String message = count > NewSince.MAX_COUNTED
        ? t.t("updates.new.count.more", t.count(NewSince.MAX_COUNTED), upTo)
        : count == 1 ? t.t("updates.new.count.one", upTo)
        : t.t("updates.new.count", t.count(count), upTo);
    return new Notice(true, message, null, null, true, back)
        .withLink("/updates", t.t("updates.new.see"));
  }
}
