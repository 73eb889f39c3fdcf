package org.aimonitor.freshness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.freshness.Freshness.Series;
import org.aimonitor.freshness.Freshness.State;
import org.aimonitor.freshness.Freshness.Status;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Source;
import org.jdbi.v3.core.Handle;

/**
 * An indicator's freshness as a page shows it, in the page's language: when its newest figure
 * was published and by whom, which series is expected next and around when (always as an
 * estimate, saying where the estimate comes from), and whether that release is due or overdue
 * on the day the page is read.
 *
 * @param status       {@code current}, {@code due}, {@code overdue}, {@code unscheduled} or
 *                     {@code unknown} (for CSS classes and tests)
 * @param statusLabel  the status in words
 * @param lastPublished when the newest figure was published ("5 Mar 2026"), or {@code null}
 * @param lastSource   the source that published it, or {@code null}
 * @param latestPeriod the latest period with an actual figure ("2025", "end of 2025"), or {@code null}
 * @param series       the series expected next, or {@code null} when none is
 * @param expected     the month it is expected in ("Oct 2026"), or {@code null}
 * @param expectedCode the same month as {@code YYYY-MM}, for {@code <time>}
 * @param estimate     where the estimate comes from: "inferred from past releases" or "from
 *                     the publisher's release calendar"
 * @param state        the sentence that says what the status means ("Overdue since 1 Feb 2027: …")
 * @param when         the list's short form of the expected month ("expected ~Oct 2026"), or
 *                     {@code null} when none is expected
 * @param evidence     the past releases an inferred schedule was read from
 */
public record FreshnessView(String status, String statusLabel, String lastPublished,
    Source lastSource, String latestPeriod, SeriesView series, String expected,
    String expectedCode, String estimate, String state, String when, List<Source> evidence) {

  /** A publication series as pages name it, with where its schedule comes from. */
  public record SeriesView(String code, String name, String publisher, String cadence,
      boolean cited, String basisUrl, String note) {
  }

  /** Whether the page should warn that a newer figure is overdue. */
  public boolean overdue() {
    return status.equals("overdue");
  }

  /**
   * The freshness of {@code indicators} on {@code today}, in {@code t}'s language: a few reads
   * of the rows for these indicators only (their freshness, their series' schedules and, with
   * {@code withSources}, the sources the views name).
   */
  public static Map<String, FreshnessView> read(Handle h, Collection<String> indicators,
      boolean withSources, LocalDate today, Text t) {
    FreshnessQueries q = h.attach(FreshnessQueries.class);
    Map<String, State> states = q.states(indicators);
    Map<String, Series> schedules = q.schedules(states.values().stream()
        .map(State::series).filter(s -> s != null).distinct().toList());
    Map<String, Source> sources = new HashMap<>();
    if (withSources) {
      Set<String> ids = new LinkedHashSet<>();
      states.values().forEach(s -> {
        if (s.lastSource() != null) {
          ids.add(s.lastSource());
        }
        Series series = s.series() == null ? null : schedules.get(s.series());
        if (series != null && !series.cited()) {
          ids.addAll(series.evidence());
        }
      });
      if (!ids.isEmpty()) {
        h.attach(DataStore.class).sources(ids).forEach(s -> sources.put(s.id(), s));
      }
    }
    Map<String, FreshnessView> views = new HashMap<>();
    states.forEach((code, s) -> views.put(code,
        of(s, s.series() == null ? null : schedules.get(s.series()), sources, today, t)));
    return views;
  }

  /** One indicator's view; {@code sources} holds the sources it may name (missing ones are left out). */
  public static FreshnessView of(State s, Series series, Map<String, Source> sources,
      LocalDate today, Text t) {
    Status status = s.status(today);
    String code = status.name().toLowerCase(java.util.Locale.ROOT);
    String label = t.t("freshness.status." + code);
    String last = s.lastPublished() == null ? null : t.date(s.lastPublished());
    String period = s.latestPeriod() == null ? null : t.period(s.latestPeriod());
    SeriesView sv = series == null ? null : new SeriesView(series.series(),
        t.zh() ? series.nameZh() : series.nameEn(), series.publisher(),
        t.t("freshness.cadence." + series.cadence()), series.cited(),
        series.basisUrl().isEmpty() ? null : series.basisUrl(), series.note());
    String expected = s.expected() == null ? null : month(s.expected(), t);
    String estimate = sv == null ? null
        : t.t(sv.cited() ? "freshness.estimate.cited" : "freshness.estimate.inferred");
    String state = switch (status) {
      case UNKNOWN -> t.t("freshness.state.unknown");
      case UNSCHEDULED -> t.t("freshness.state.unscheduled");
      case CURRENT -> t.t("freshness.state.current", expected);
      case DUE -> t.t("freshness.state.due", expected, t.date(s.overdueAfter()));
      case OVERDUE -> t.t("freshness.state.overdue", expected, t.date(s.overdueAfter().plusDays(1)));
    };
    String when = expected == null ? null : t.t("freshness.when", expected);
    List<Source> evidence = new ArrayList<>();
    if (series != null && !series.cited()) {
      series.evidence().stream().map(sources::get).filter(x -> x != null).forEach(evidence::add);
    }
    return new FreshnessView(code, label, last,
        s.lastSource() == null ? null : sources.get(s.lastSource()), period, sv, expected,
        s.expected() == null ? null : s.expected().toString(), estimate, state, when, evidence);
  }

  /** "Oct 2026", "2026年10月". */
  static String month(YearMonth m, Text t) {
    return t.date(PartialDate.parse(m.toString()));
  }
}
