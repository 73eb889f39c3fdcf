package org.aimonitor.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.aimonitor.chart.ChartView;
import org.aimonitor.i18n.Text;
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
    List<SourceNotes.Note> sources,
    long dataVersion) {

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

  /** An event on the policy timeline. */
  public record TimelineEntry(String date, String isoDate, String categoryCode, String category,
      String title, String description, int sourceNo) {
  }

  public static DashboardView build(Snapshot data) {
    SourceNotes notes = new SourceNotes(data.sources());
    List<KpiCard> kpis = keyFigures(data, notes);
    DashboardCharts charts = new DashboardCharts(data, notes);
    List<ChartView> chartViews = List.of(charts.marketScale(), charts.segmentGrowth(),
        charts.hardwareAdoption(), charts.enterprises());
    PartialDate asOf = notes.newestDate();
    List<TimelineEntry> timeline = data.events().stream()
        .sorted(Comparator.comparing(Event::date))
        .map(e -> timelineEntry(e, notes))
        .toList();
    return new DashboardView(asOf == null ? "unknown" : asOf.label(), kpis, chartViews, timeline,
        notes.notes(), data.dataVersion());
  }

  /** The overview's key figures, citing into {@code notes}; the summary page lists the same ones. */
  public static List<KpiCard> keyFigures(Snapshot data, SourceNotes notes) {
    Cards cards = new Cards(data, notes);
    return List.of(cards.scale(), cards.enterprises(), cards.globalShare(), cards.segments());
  }

  /** The latest actual headline figure of an indicator in China, labelled with its period. */
  public static Optional<Figure> latestActual(Snapshot data, SourceNotes notes, String indicator) {
    Cards cards = new Cards(data, notes);
    return cards.latestActual(indicator, false).map(o -> cards.figure(null, o));
  }

  /** An event as the timeline shows it, citing its source into {@code notes}. */
  public static TimelineEntry timelineEntry(Event e, SourceNotes notes) {
    return new TimelineEntry(e.date().label(), e.date().code(), e.category(),
        e.category().replace('_', ' '), e.titleEn(), e.descriptionEn(), notes.cite(e.source()));
  }

  /** Builds the KPI cards; each figure cites its source as it is made. */
  static final class Cards {
    private final Snapshot data;
    private final SourceNotes notes;

    Cards(Snapshot data, SourceNotes notes) {
      this.data = data;
      this.notes = notes;
    }

    KpiCard scale() {
      Observation latest = latestActual(DashboardCharts.SCALE, true).orElseThrow();
      List<Figure> figures = new ArrayList<>();
      figures.add(figure(latest.period().label(), latest));
      String note = null;
      Optional<Observation> growth = latestActual(DashboardCharts.GROWTH, true);
      if (growth.isPresent()) {
        int year = growth.get().period().startYear();
        if (year != latest.period().startYear()) {
          note = "No year-on-year growth has been published for " + latest.period().label()
              + " yet.";
          data.headlines(DashboardCharts.SCALE, "CN").stream()
              .filter(o -> o.period().isYear() && o.period().startYear() == year)
              .findFirst()
              .ifPresent(o -> figures.add(figure("Scale " + year, o)));
        }
        figures.add(figure("YoY growth " + year, growth.get()));
      }
      return new KpiCard("kpi-scale", "AI core industry scale", figures, false, note)
          .linkedTo("/indicators/" + DashboardCharts.SCALE);
    }

    KpiCard enterprises() {
      Observation latest = latestActual(DashboardCharts.ENTERPRISES, false).orElseThrow();
      return new KpiCard("kpi-enterprises", "AI enterprises in China",
          List.of(figure(latest.period().endLabel(), latest)), false,
          "Counts differ by definition between CAICT, MIIT and others.")
          .linkedTo("/indicators/" + DashboardCharts.ENTERPRISES);
    }

    KpiCard globalShare() {
      Observation latest = latestActual("ai_enterprises_global_share", false).orElseThrow();
      return new KpiCard("kpi-global-share", "Share of the world's AI enterprises",
          List.of(figure(latest.period().label(), latest)), false,
          "China's share of the number of AI enterprises worldwide, not of the global AI market.")
          .linkedTo("/indicators/ai_enterprises_global_share");
    }

    KpiCard segments() {
      int year = new DashboardCharts(data, notes).latestCommonYear();
      List<Figure> figures = new ArrayList<>();
      for (int i = 0; i < DashboardCharts.SEGMENTS.size(); i++) {
        String label = DashboardCharts.SEGMENT_LABELS.get(i);
        data.headlines(DashboardCharts.SEGMENTS.get(i), "CN").stream()
            .filter(o -> o.period().isYear() && o.period().startYear() == year)
            .findFirst()
            .ifPresent(o -> figures.add(figure(label, o)));
      }
      return new KpiCard("kpi-segments", "Revenue growth by segment, " + year, figures, true,
          "Year on year; CAICT published no yuan values per segment.")
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
      String period = DashboardCharts.periodLabel(indicator, o);
      return new Figure(label == null ? period : label, Text.EN.figure(indicator, o), period,
          o.qualifier().label(), notes.cite(o.source()), indicator.nameEn());
    }
  }
}
