package org.aimonitor.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.calendar.CalendarQueries.Due;
import org.aimonitor.calendar.CalendarQueries.Open;
import org.aimonitor.calendar.CalendarQueries.Released;
import org.aimonitor.calendar.CalendarQueries.SeriesRow;
import org.aimonitor.freshness.FreshnessQueries;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Source;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * The {@code /calendar} page: what is overdue (and for how long), due now and expected next
 * month, from the freshness rows (each list at most {@link #LIST} long, with its count), and a
 * page of series with their record: the releases the calendar saw, expected against actual, and
 * for a schedule inferred from past releases the publication dates it was read from (their
 * expected dates were never recorded, and are not made up).
 *
 * @param today        the day the page was made, as words and as ISO
 * @param thisMonth    this month in words ("Dec 2026")
 * @param nextMonth    next month in words
 * @param lists        overdue releases (longest overdue first), those due now (expected this
 *                     month or earlier, not overdue yet) and those expected next month
 * @param series       this page's series with their record
 * @param recordSince  the day the record began, or null when it holds nothing yet
 * @param pager        the pages of series
 * @param icsHref      the calendar file of every indicator, in this page's language
 */
public record CalendarView(String today, String todayCode, String thisMonth, String nextMonth,
    List<DueList> lists, List<SeriesRecord> series, String recordSince, Paging.Pager pager,
    String icsHref) {

  /** Series a page lists. */
  public static final int PAGE_SIZE = 10;
  /** Indicators each list shows at most; the full overdue list is {@code /indicators?status=overdue}. */
  public static final int LIST = 100;
  /** Releases each series' record shows at most. */
  public static final int RECORD = 12;

  /**
   * One of the lists: {@code id} ({@code overdue}, {@code due}, {@code next}) for its anchor,
   * its heading, what it says when empty, its rows and how many there are in all.
   */
  public record DueList(String id, String heading, String none, List<DueRow> rows, long count) {

    /** Whether the list shows fewer than there are. */
    public boolean cut() {
      return count > rows.size();
    }
  }

  /**
   * An indicator in one of the lists: its page and calendar file, the series expected and where
   * the estimate comes from, the month, and for an overdue one since when and for how long.
   */
  public record DueRow(String name, String href, String icsHref, String series,
      String publisher, String estimate, String expected, String expectedCode,
      String overdueAfter, String overdueSince, String overdueSinceCode, String overdueFor,
      String lastPublished) {
  }

  /** A series and its record of releases. */
  public record SeriesRecord(String code, String name, String publisher, String cadence,
      boolean cited, String basisUrl, String estimate, List<RecordRow> rows,
      List<EvidenceRow> evidence) {
  }

  /**
   * A release in a series' record: expected when, published when (or "awaited"), how punctual
   * ({@code punctualityCode}: {@code on-time}, {@code early}, {@code late}, {@code overdue-late},
   * {@code awaited}, {@code unknown}) and for how many indicators.
   */
  public record RecordRow(String expected, String expectedCode, String actual, String source,
      String sourceHref, String punctuality, String punctualityCode, String indicators) {
  }

  /** A past release an inferred schedule was read from: its source and publication date. */
  public record EvidenceRow(String publisher, String separator, String title, String titleLang,
      String href, String date, String dateCode) {
  }

  /** Builds the page for {@code today}: a few bounded reads, whatever the size of the data. */
  public static CalendarView build(Handle h, Paging paging, LocalDate today, Text t) {
    CalendarQueries q = h.attach(CalendarQueries.class);
    YearMonth month = YearMonth.from(today);
    String day = today.toString();
    List<DueRow> overdue = rows(q.overdue(day, LIST), today, t);
    long overdueCount = h.attach(FreshnessQueries.class).overdueCount(today);
    // The default graces are at most 3 months (Freshness.Series.grace); a schedule may give more.
    String from = month.minusMonths(Math.max(3, q.longestGrace().orElse(0))).toString();
    List<DueRow> due = rows(q.dueBy(from, month.toString(), day, LIST), today, t);
    long dueCount = q.dueByCount(from, month.toString(), day);
    List<DueRow> next = rows(q.expectedIn(month.plusMonths(1).toString(), LIST), today, t);
    long nextCount = q.expectedInCount(month.plusMonths(1).toString());

    long total = q.seriesCount();
    paging.check(total, t);
    List<SeriesRow> page = q.series(paging.size(), paging.offset());
    List<String> codes = page.stream().map(SeriesRow::series).toList();
    Map<String, List<Released>> released = new HashMap<>();
    Map<String, List<Open>> open = new HashMap<>();
    if (!codes.isEmpty()) {
      q.released(codes, RECORD).forEach(r -> released.computeIfAbsent(r.series(), k -> new ArrayList<>()).add(r));
      q.open(codes).forEach(o -> open.computeIfAbsent(o.series(), k -> new ArrayList<>()).add(o));
    }
    Set<String> sourceIds = new LinkedHashSet<>();
    page.forEach(s -> {
      if (!"cited".equals(s.basis())) {
        sourceIds.addAll(words(s.evidence()));
      }
    });
    released.values().forEach(list -> list.forEach(r -> {
      if (r.releasedSource() != null) {
        sourceIds.add(r.releasedSource());
      }
    }));
    Map<String, Source> sources = new HashMap<>();
    if (!sourceIds.isEmpty()) {
      h.attach(DataStore.class).sources(sourceIds).forEach(s -> sources.put(s.id(), s));
    }
    List<SeriesRecord> series = new ArrayList<>();
    for (SeriesRow s : page) {
      series.add(record(s, open.getOrDefault(s.series(), List.of()),
          released.getOrDefault(s.series(), List.of()), sources, t));
    }
    String since = q.recordSince().map(at -> t.date(LocalDate.parse(at.substring(0, 10))))
        .orElse(null);
    return new CalendarView(t.date(today), day, month(month, t), month(month.plusMonths(1), t),
        List.of(new DueList("overdue", t.t("calendar.overdue.heading"), t.t("calendar.overdue.none"),
                overdue, overdueCount),
            new DueList("due", t.t("calendar.due.heading", month(month, t)), t.t("calendar.due.none"),
                due, dueCount),
            new DueList("next", t.t("calendar.next.heading", month(month.plusMonths(1), t)),
                t.t("calendar.next.none"), next, nextCount)),
        series, since,
        paging.pager(total, n -> "/calendar" + (n == 1 ? "" : "?page=" + n), t),
        "/calendar.ics" + (t.zh() ? "?lang=zh" : ""));
  }

  static List<DueRow> rows(List<Due> due, LocalDate today, Text t) {
    List<DueRow> rows = new ArrayList<>();
    for (Due d : due) {
      LocalDate since = d.overdueAfter().plusDays(1);
      boolean late = today.isAfter(d.overdueAfter());
      long days = ChronoUnit.DAYS.between(since, today) + 1;
      rows.add(new DueRow(t.zh() ? d.nameZh() : d.nameEn(), "/indicators/" + d.indicator(),
          "/indicators/" + d.indicator() + ".ics" + (t.zh() ? "?lang=zh" : ""),
          t.zh() ? d.seriesZh() : d.seriesEn(), d.publisher(),
          t.t(d.cited() ? "freshness.estimate.cited" : "freshness.estimate.inferred"),
          month(d.expected(), t), d.expected().toString(), t.date(d.overdueAfter()),
          late ? t.date(since) : null, late ? since.toString() : null,
          late ? overdueFor(d.expected(), days, t) : null,
          d.lastPublished() == null ? null : t.date(d.lastPublished())));
    }
    return rows;
  }

  /** "for 35 days (3 months after the expected month)". */
  static String overdueFor(YearMonth expected, long days, Text t) {
    return days == 1 ? t.t("calendar.overdue.for.one") : t.t("calendar.overdue.for", t.count(days));
  }

  static SeriesRecord record(SeriesRow s, List<Open> open, List<Released> released,
      Map<String, Source> sources, Text t) {
    boolean cited = "cited".equals(s.basis());
    List<RecordRow> rows = new ArrayList<>();
    for (Open o : open) {
      rows.add(new RecordRow(month(o.expected(), t), o.expected().toString(),
          t.t("calendar.record.awaited"), null, null,
          t.t("calendar.record.awaited.detail", t.date(o.overdueAfter())), "awaited",
          t.count(o.indicators())));
    }
    for (Released r : released) {
      Source src = r.releasedSource() == null ? null : sources.get(r.releasedSource());
      String[] p = punctuality(r.expected(), r.overdueAfter(), r.releasedOn(), t);
      rows.add(new RecordRow(month(r.expected(), t), r.expected().toString(),
          r.releasedOn() == null ? t.t("calendar.record.date-unknown") : t.date(r.releasedOn()),
          src == null ? r.releasedSource() : src.publisher(),
          r.releasedSource() == null ? null : "/sources/" + r.releasedSource(), p[1], p[0],
          t.count(r.indicators())));
    }
    List<EvidenceRow> evidence = new ArrayList<>();
    if (!cited) {
      for (String id : words(s.evidence())) {
        Source src = sources.get(id);
        if (src != null) {
          evidence.add(new EvidenceRow(src.publisher(), t.t("list.separator"), src.title(),
              t.lang(src), "/sources/" + id, t.date(src),
              src.publishedOn() == null ? null : src.publishedOn().code()));
        }
      }
    }
    return new SeriesRecord(s.series(), t.zh() ? s.nameZh() : s.nameEn(), s.publisher(),
        t.t("freshness.cadence." + s.cadence()), cited,
        s.basisUrl() == null || s.basisUrl().isEmpty() ? null : s.basisUrl(),
        t.t(cited ? "freshness.estimate.cited" : "freshness.estimate.inferred"), rows, evidence);
  }

  /**
   * How a release kept to its expected month: {code, words}. Months are compared (the estimate
   * is a month); a date known only to the year cannot say.
   */
  static String[] punctuality(YearMonth expected, LocalDate overdueAfter, PartialDate on, Text t) {
    if (on == null || on.month() == 0) {
      return new String[] {"unknown", t.t("calendar.punctuality.unknown")};
    }
    YearMonth actual = YearMonth.of(on.year(), on.month());
    long months = ChronoUnit.MONTHS.between(expected, actual);
    if (months == 0) {
      return new String[] {"on-time", t.t("calendar.punctuality.on-time")};
    }
    if (months < 0) {
      return new String[] {"early", t.t(months == -1 ? "calendar.punctuality.early.one"
          : "calendar.punctuality.early", t.count(-months))};
    }
    boolean overdue = actual.isAfter(YearMonth.from(overdueAfter));
    String key = overdue ? "calendar.punctuality.overdue-late" : "calendar.punctuality.late";
    return new String[] {overdue ? "overdue-late" : "late",
        t.t(months == 1 ? key + ".one" : key, t.count(months))};
  }

  /** "Oct 2026", "2026年10月". */
  static String month(YearMonth m, Text t) {
    return t.date(PartialDate.parse(m.toString()));
  }

  static List<String> words(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }
}
