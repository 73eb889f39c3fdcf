package org.aimonitor.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.aimonitor.chart.ChartView;
import org.aimonitor.i18n.Text;
import org.aimonitor.indicator.IndicatorCatalog;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.store.Event;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Snapshot;

/**
 * The overview page as data: KPI cards, charts, the policy timeline and the numbered source
 * notes that every figure on the page points to.
 */
public record DashboardView(
    String dataAsOf,
    List<KpiCard> cards,
    List<ChartView> charts,
    List<TimelineEntry> timeline,
    long moreEvents,
    List<SourceNotes.Note> sources,
    long dataVersion) {

  /**
   * The overview lists the newest events only (oldest of them first); the whole timeline is at
   * /timeline. Enough for every event of the seed dataset.
   */
  public static final int TIMELINE_EVENTS = 30;

  /**
   * One figure on a card: its label on the card, the value with its sign and unit, period
   * (stocks read at its end), qualifier, note number, and the measure (the indicator's name),
   * which tables that list figures without their card need.
   */
  public record Figure(String label, String value, String period, String qualifier, int sourceNo,
      String measure) {
  }

  /**
   * A KPI card: the first figure is the headline and the rest support it, unless {@code list}
   * says the figures are peers (segment growth) and are shown at equal weight. {@code link}
   * is the page with the full series behind the card, or {@code null}.
   */
  public record KpiCard(String id, String title, List<Figure> figures, boolean list, String note,
      String link) {

    public KpiCard(String id, String title, List<Figure> figures, boolean list, String note) {
      this(id, title, figures, list, note, null);
    }

    public KpiCard linkedTo(String href) {
      return new KpiCard(id, title, figures, list, note, href);
    }

    public Figure main() {
      return figures.get(0);
    }

    public List<Figure> more() {
      return figures.subList(1, figures.size());
    }
  }

  /**
   * An event on the policy timeline. The dataset describes events in English only, so on a
   * Chinese page {@code descriptionLang} is {@code "en"} (for the description's {@code lang}
   * attribute); {@code null} where the description is in the page's language.
   */
  public record TimelineEntry(String date, String isoDate, String categoryCode, String category,
      String title, String description, String descriptionLang, int sourceNo) {
  }

  /**
   * The overview in the language of {@code t}, from {@link DashboardData} with the newest
   * {@link #TIMELINE_EVENTS} events of {@code eventCount} in all.
   */
  public static DashboardView build(Snapshot data, long eventCount, Text t) {
    return build(data, DashboardData.Window.ALL, eventCount, t);
  }

  /** As {@link #build(Snapshot, long, Text)}, with the charts drawn over {@code window}. */
  public static DashboardView build(Snapshot data, DashboardData.Window window, long eventCount,
      Text t) {
    SourceNotes notes = new SourceNotes(data.sources());
    List<KpiCard> kpis = keyFigures(data, notes, t);
    DashboardCharts charts = new DashboardCharts(data, notes, t, window);
    List<ChartView> chartViews = List.of(charts.marketScale(), charts.segmentGrowth(),
        charts.hardwareAdoption(), charts.enterprises());
    PartialDate asOf = notes.newestDate();
    List<TimelineEntry> timeline = data.events().stream()
        .sorted(Comparator.comparing(Event::date))
        .map(e -> timelineEntry(e, notes, t))
        .toList();
    return new DashboardView(dataAsOf(asOf, t), kpis, chartViews, timeline,
        Math.max(0, eventCount - timeline.size()), notes.notes(), data.dataVersion());
  }

  /** "Data as of": the newest publication date among the cited sources, in words. */
  public static String dataAsOf(PartialDate newest, Text t) {
    return newest == null ? t.t("overview.as-of.unknown") : t.date(newest);
  }

  /** The overview's key figures, citing into {@code notes}; the summary page lists the same ones. */
  public static List<KpiCard> keyFigures(Snapshot data, SourceNotes notes, Text t) {
    Cards cards = new Cards(data, notes, t);
    return List.of(cards.scale(), cards.enterprises(), cards.globalShare(), cards.segments());
  }

  /** The latest actual headline figure of an indicator in China, labelled with its period. */
  public static Optional<Figure> latestActual(Snapshot data, SourceNotes notes, String indicator,
      Text t) {
    Cards cards = new Cards(data, notes, t);
    return cards.latestActual(indicator, false).map(o -> cards.figure(null, o));
  }

  /** An event as the timeline shows it, citing its source into {@code notes}. */
  public static TimelineEntry timelineEntry(Event e, SourceNotes notes, Text t) {
    return new TimelineEntry(t.date(e.date()), e.date().code(), e.category(),
        t.eventCategory(e.category()), t.title(e), e.descriptionEn(), t.zh() ? "en" : null,
        notes.cite(e.source()));
  }

  /** Builds the KPI cards; each figure cites its source as it is made. */
  static final class Cards {
    private final Snapshot data;
    private final SourceNotes notes;
    private final Text t;

    Cards(Snapshot data, SourceNotes notes, Text t) {
      this.data = data;
      this.notes = notes;
      this.t = t;
    }

    KpiCard scale() {
      Observation latest = latestActual(DashboardCharts.SCALE, true).orElseThrow();
      List<Figure> figures = new ArrayList<>();
      figures.add(figure(t.period(latest.period()), latest));
      String note = null;
      Optional<Observation> growth = latestActual(DashboardCharts.GROWTH, true);
      if (growth.isPresent()) {
        int year = growth.get().period().startYear();
        if (year != latest.period().startYear()) {
          note = t.t("overview.kpi.scale.no-growth", t.period(latest.period()));
          data.headlines(DashboardCharts.SCALE, "CN").stream()
              .filter(o -> o.period().isYear() && o.period().startYear() == year)
              .findFirst()
              .ifPresent(o -> figures.add(
                  figure(t.t("overview.kpi.scale.scale-of", t.period(o.period())), o)));
        }
        figures.add(figure(t.t("overview.kpi.scale.growth-of", t.period(growth.get().period())),
            growth.get()));
      }
      return new KpiCard("kpi-scale", t.t("overview.kpi.scale.title"), figures, false, note)
          .linkedTo("/indicators/" + DashboardCharts.SCALE);
    }

    KpiCard enterprises() {
      Observation latest = latestActual(DashboardCharts.ENTERPRISES, false).orElseThrow();
      return new KpiCard("kpi-enterprises", t.t("overview.kpi.enterprises.title"),
          List.of(figure(t.periodEnd(latest.period()), latest)), false,
          t.t("overview.kpi.enterprises.note"))
          .linkedTo("/indicators/" + DashboardCharts.ENTERPRISES);
    }

    KpiCard globalShare() {
      Observation latest = latestActual("ai_enterprises_global_share", false).orElseThrow();
      return new KpiCard("kpi-global-share", t.t("overview.kpi.global-share.title"),
          List.of(figure(t.period(latest.period()), latest)), false,
          t.t("overview.kpi.global-share.note"))
          .linkedTo("/indicators/ai_enterprises_global_share");
    }

    KpiCard segments() {
      DashboardCharts charts = new DashboardCharts(data, notes, t);
      int year = charts.latestCommonYear();
      List<Figure> figures = new ArrayList<>();
      for (int i = 0; i < DashboardCharts.SEGMENTS.size(); i++) {
        String label = charts.segmentLabels().get(i);
        data.headlines(DashboardCharts.SEGMENTS.get(i), "CN").stream()
            .filter(o -> o.period().isYear() && o.period().startYear() == year)
            .findFirst()
            .ifPresent(o -> figures.add(figure(label, o)));
      }
      return new KpiCard("kpi-segments", t.t("overview.kpi.segments.title", year), figures, true,
          t.t("overview.kpi.segments.note"))
          .linkedTo("/indicators#category-segments");
    }

    /** The latest headline actual in China, optionally only yearly totals. */
    private Optional<Observation> latestActual(String indicator, boolean yearly) {
      return data.headlines(indicator, "CN").stream()
          .filter(o -> o.qualifier().isActual() && (!yearly || o.period().isYear()))
          .max(Comparator.comparing(Observation::period));
    }

    /** A figure; a {@code null} label means the period is the label. */
    private Figure figure(String label, Observation o) {
      Indicator indicator = data.indicator(o.indicator());
      String period = IndicatorCatalog.periodLabel(t, indicator, o);
      return new Figure(label == null ? period : label, t.figure(indicator, o), period,
          t.qualifier(o.qualifier()), notes.cite(o.source()), t.name(indicator));
    }
  }
}
