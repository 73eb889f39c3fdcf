package org.aimonitor.summary;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.aimonitor.chart.ChartView;
import org.aimonitor.dashboard.DashboardCharts;
import org.aimonitor.dashboard.DashboardData;
import org.aimonitor.dashboard.DashboardView;
import org.aimonitor.dashboard.DashboardView.Figure;
import org.aimonitor.dashboard.DashboardView.KpiCard;
import org.aimonitor.dashboard.DashboardView.TimelineEntry;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.freshness.FreshnessView;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Event;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.ViewRows;
import org.aimonitor.updates.LastImport;

/**
 * The printable summary as data: the overview's key figures as one table plus the latest
 * smart-hardware shares, three of its charts, the policy milestones, notes on the data and the
 * numbered sources. Sources are numbered in reading order: figures, charts, milestones.
 */
public record SummaryView(
    String dataAsOf,
    List<KeyFigure> keyFigures,
    List<ChartView> charts,
    List<TimelineEntry> milestones,
    List<String> dataNotes,
    List<SourceNotes.Note> sources,
    long dataVersion,
    String generatedAt,
    LastImport lastImport,
    DashboardView.Overdue overdue,
    String dataAge) {

  /** The same summary, saying when the data were last imported ({@code null}: not said). */
  public SummaryView withLastImport(LastImport last) {
    return new SummaryView(dataAsOf, keyFigures, charts, milestones, dataNotes, sources,
        dataVersion, generatedAt, last, overdue, dataAge);
  }

  /** The smart-hardware shares drawn in the adoption chart, whose latest actuals the table lists. */
  static final List<String> HARDWARE = List.of("ai_phone_share", "ai_pc_share", "l2_adas_penetration");

  /** Milestones are the policy events: plans, work reports and State Council decisions. */
  static final String MILESTONE_CATEGORY = "policy";

  /** The newest milestones, so the summary keeps to two printed pages however many there are. */
  static final int MILESTONES = 10;

  /**
   * What a reader must know before quoting the figures, as bundle keys ({@code summary.note.1}…).
   * Kept to the caveats that change how the figures on this page read (data/README.md, "Known
   * conflicts and series breaks").
   */
  static final int DATA_NOTES = 4;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  /**
   * A row of the key-figures table; {@code stale} says a newer figure of its indicator is
   * overdue ("expected around Oct 2026"), or is {@code null}.
   */
  public record KeyFigure(String measure, String value, String qualifier, String period,
      int sourceNo, String indicator, String stale) {

    static KeyFigure of(Figure f) {
      return new KeyFigure(f.measure(), f.value(), f.qualifier(), f.period(), f.sourceNo(),
          f.indicator(), null);
    }
  }

  /** The indicators of the key figures, whose freshness {@link #withFreshness} needs. */
  public List<String> keyIndicators() {
    return keyFigures.stream().map(KeyFigure::indicator).distinct().toList();
  }

  /**
   * The summary with the day's freshness: how many indicators are overdue, and each key figure
   * whose indicator has a newer figure overdue marked as such.
   */
  public SummaryView withFreshness(long overdueCount, Map<String, FreshnessView> freshness,
      Text t) {
    List<KeyFigure> marked = keyFigures.stream().map(k -> {
      FreshnessView f = freshness.get(k.indicator());
      return f == null || !f.overdue() ? k : new KeyFigure(k.measure(), k.value(), k.qualifier(),
          k.period(), k.sourceNo(), k.indicator(), t.t("summary.stale", f.expected()));
    }).toList();
    return new SummaryView(dataAsOf, marked, charts, milestones, dataNotes, sources, dataVersion,
        generatedAt, lastImport, DashboardView.Overdue.of(overdueCount, t), dataAge);
  }

  /** The summary in the language of {@code t}, generated at {@code now}. */
  public static SummaryView build(ViewRows data, ZonedDateTime now, Text t) {
    return build(data, DashboardData.Window.ALL, now, t);
  }

  /** As {@link #build(ViewRows, ZonedDateTime, Text)}, with the charts drawn over {@code window}. */
  public static SummaryView build(ViewRows data, DashboardData.Window window, ZonedDateTime now,
      Text t) {
    SourceNotes notes = new SourceNotes(data.sources());
    List<KeyFigure> figures = new ArrayList<>();
    for (KpiCard card : DashboardView.keyFigures(data, notes, t)) {
      card.figures().forEach(f -> figures.add(KeyFigure.of(f)));
    }
    for (String code : HARDWARE) {
      DashboardView.latestActual(data, notes, code, t).ifPresent(f -> figures.add(KeyFigure.of(f)));
    }
    DashboardCharts shaper = new DashboardCharts(data, notes, t, window);
    List<ChartView> charts = List.of(shaper.marketScale(), shaper.segmentGrowth(),
        shaper.hardwareAdoption());
    // Before the milestones cite theirs: "data as of" dates the figures, as on the overview.
    PartialDate asOf = notes.newestDate();
    // The newest MILESTONES, oldest first, whatever the rows read hold.
    List<Event> policy = data.events().stream()
        .filter(e -> e.category().equals(MILESTONE_CATEGORY))
        .sorted(Comparator.comparing(Event::date))
        .toList();
    List<TimelineEntry> milestones = policy.subList(Math.max(0, policy.size() - MILESTONES), policy.size())
        .stream().map(e -> DashboardView.timelineEntry(e, notes, t))
        .toList();
    List<String> dataNotes = IntStream.rangeClosed(1, DATA_NOTES)
        .mapToObj(n -> t.t("summary.note." + n)).toList();
    return new SummaryView(DashboardView.dataAsOf(asOf, t), figures, charts, milestones,
        dataNotes, notes.notes(), data.dataVersion(), generatedAt(now, t), null, null,
        DashboardView.age(asOf, now.toLocalDate(), t));
  }

  /** "7 Mar 2026, 07:04 UTC", "2026年3月7日 07:04（UTC）". */
  static String generatedAt(ZonedDateTime now, Text t) {
    ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
    return t.t("summary.generated-at", t.date(utc.toLocalDate()), TIME.format(utc));
  }
}
