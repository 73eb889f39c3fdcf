package org.aimonitor.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.calendar.CalendarQueries.Awaited;
import org.aimonitor.i18n.Text;
import org.aimonitor.updates.AtomFeed;

/**
 * The release calendar as iCalendar events: one per awaited release, spanning its expected month
 * as all-day dates (DTSTART the 1st, DTEND the 1st of the month after). A month-long span is what
 * the estimate means ("around October"): Google, Apple and Outlook draw it as a bar across the
 * month in their all-day row, where a one-day event on the 1st would claim a day nobody gave.
 *
 * <p>UIDs are name-based UUIDs of the monitor's identity (when its first import was logged, as
 * the Atom feeds' ids are), the indicator and the release awaited (the record's cycle): stable
 * on every request and every address, the same event while a release is re-estimated (SEQUENCE
 * counts the re-estimates, LAST-MODIFIED and DTSTAMP say when the newest was recorded), a new
 * event once the release came and the next one is awaited.
 */
public final class CalendarFeed {

  private CalendarFeed() {
  }

  /** The calendar of {@code awaited}, with links on {@code origin}, in {@code t}'s language. */
  public static Ics.Calendar of(String identity, List<Awaited> awaited, String name,
      String origin, Text t) {
    List<Ics.Event> events = new ArrayList<>();
    for (Awaited a : awaited) {
      events.add(event(identity, a, origin, t));
    }
    return new Ics.Calendar(name, t.t("calendar.ics.description"), language(t), events);
  }

  /** The language tag of the calendar's texts. */
  static String language(Text t) {
    return t.zh() ? "zh-CN" : "en";
  }

  static Ics.Event event(String identity, Awaited a, String origin, Text t) {
    String indicator = t.zh() ? a.nameZh() : a.nameEn();
    String series = t.zh() ? a.seriesZh() : a.seriesEn();
    String month = CalendarView.month(a.expected(), t);
    boolean cited = "cited".equals(a.basis());
    String page = origin + "/indicators/" + a.indicator() + (t.zh() ? "?lang=zh" : "");
    StringBuilder description = new StringBuilder(t.t("calendar.ics.event.description",
        indicator, month, t.t(cited ? "freshness.estimate.cited" : "freshness.estimate.inferred"),
        series, a.publisher(), t.date(a.overdueAfter())));
    if (cited && a.basisUrl() != null && !a.basisUrl().isEmpty()) {
      description.append("\n").append(t.t("calendar.ics.event.schedule", a.basisUrl()));
    }
    description.append("\n").append(page);
    String uid = AtomFeed.id(identity + "/releases/" + a.indicator() + "/" + a.cycle())
        .substring("urn:uuid:".length());
    return new Ics.Event(uid, a.sequence(), Instant.parse(a.createdAt()), Instant.parse(a.sinceAt()),
        a.expected().atDay(1), a.expected().plusMonths(1).atDay(1),
        t.t(cited ? "calendar.ics.summary.cited" : "calendar.ics.summary.inferred", indicator, month),
        description.toString(), page,
        List.of(t.t(cited ? "calendar.ics.category.cited" : "calendar.ics.category.inferred")));
  }
}
