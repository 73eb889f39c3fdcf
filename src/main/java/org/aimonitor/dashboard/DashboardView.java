package org.aimonitor.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aimonitor.chart.ChartView;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.freshness.FreshnessView;
import org.aimonitor.i18n.Text;
import org.aimonitor.region.PlacesCard;
import org.aimonitor.store.Event;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.ViewRows;
import org.aimonitor.updates.LastImport;
import org.aimonitor.updates.Notice;

/**
 * The overview page as data: KPI cards, charts, the policy timeline and the numbered source
 * notes that every figure on the page points to; when the data were last imported, and the
 * reader's "new since your last visit" box ({@code null} where a view is shaped without them).
 */
public record DashboardView(
    String dataAsOf,
    List<KpiCard> cards,
    List<ChartView> charts,
    PlacesCard places,
    List<TimelineEntry> timeline,
    long moreEvents,
    List<SourceNotes.Note> sources,
    long dataVersion,
    LastImport lastImport,
    Notice newSince,
    Overdue overdue,
    PartialDate newestDate,
    String dataAge) {

  /** The same overview, saying when the data were last imported and what is new to the reader. */
  public DashboardView withUpdates(LastImport last, Notice notice) {
    return new DashboardView(dataAsOf, cards, charts, places, timeline, moreEvents, sources, dataVersion,
        last, notice, overdue, newestDate, dataAge);
  }

  /** The same overview, saying how old its newest figure is on {@code today} ("9 months ago"). */
  public DashboardView withAge(java.time.LocalDate today, Text t) {
    return new DashboardView(dataAsOf, cards, charts, places, timeline, moreEvents, sources,
        dataVersion, lastImport, newSince, overdue, newestDate, age(newestDate, today, t));
  }

  /**
   * How long before {@code today} {@code newest} was published, in words: "today", "3 days ago",
   * "9 months ago", "2 years ago" ("9个月前"); null when the date is unknown. A date known to the
   * month or year counts from its first day.
   */
  public static String age(PartialDate newest, java.time.LocalDate today, Text t) {
    if (newest == null) {
      return null;
    }
    java.time.LocalDate from = newest.earliest();
    if (from.isAfter(today)) {
      return null;
    }
    java.time.Period p = java.time.Period.between(from, today);
    long days = java.time.temporal.ChronoUnit.DAYS.between(from, today);
    if (p.getYears() >= 2) {
      return t.t("age.years", t.count(p.getYears()));
    }
    long months = p.toTotalMonths();
    if (months >= 2) {
      return t.t("age.months", t.count(months));
    }
    if (months == 1) {
      return t.t("age.month");
    }
    return days == 0 ? t.t("age.today") : days == 1 ? t.t("age.day") : t.t("age.days", t.count(days));
  }

  /**
   * How many indicators have an overdue release on the day the page is read, in words, and the
   * list of them; {@code null} until {@link #withFreshness} adds it.
   */
  public record Overdue(long count, String text, String href) {

    public static Overdue of(long count, Text t) {
      String text = count == 0 ? t.t("overview.overdue.none")
          : count == 1 ? t.t("overview.overdue.one") : t.t("overview.overdue", t.count(count));
      return new Overdue(count, text, count == 0 ? null : "/indicators?status=overdue");
    }
  }

  /**
   * The indicators behind each KPI card: a card is marked stale when a newer figure of one of
   * them is overdue.
   */
  public static final Map<String, List<String>> CARD_INDICATORS = Map.of(
      "kpi-scale", List.of(DashboardCharts.SCALE, DashboardCharts.GROWTH),
      "kpi-enterprises", List.of(DashboardCharts.ENTERPRISES),
      "kpi-global-share", List.of("ai_enterprises_global_share"),
      "kpi-segments", DashboardCharts.SEGMENTS);

  /** Every indicator a KPI card shows. */
  public static List<String> cardIndicators() {
    return CARD_INDICATORS.values().stream().flatMap(List::stream).distinct().sorted().toList();
  }

  /**
   * The page with the day's freshness: the count of overdue indicators, and a notice on each
   * card whose indicators include an overdue one (the first in the card's order).
   */
  public DashboardView withFreshness(long overdueCount, Map<String, FreshnessView> freshness,
      Text t) {
    List<KpiCard> marked = cards.stream()
        .map(c -> c.withStale(stale(CARD_INDICATORS.getOrDefault(c.id(), List.of()), freshness, t)))
        .toList();
    return new DashboardView(dataAsOf, marked, charts, places, timeline, moreEvents, sources, dataVersion,
        lastImport, newSince, Overdue.of(overdueCount, t), newestDate, dataAge);
  }

  /** "Newer figure overdue: expected around Oct 2026 (an estimate …)." for the first overdue one, or {@code null}. */
  public static String stale(List<String> indicators, Map<String, FreshnessView> freshness, Text t) {
    return indicators.stream().map(freshness::get)
        .filter(f -> f != null && f.overdue())
        .findFirst()
        .map(f -> t.t("kpi.stale", f.expected(), f.estimate()))
        .orElse(null);
  }

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
      String measure, String indicator) {
  }

  /**
   * A KPI card: the first figure is the headline and the rest support it, unless {@code list}
   * says the figures are peers (segment growth) and are shown at equal weight. {@code link}
   * is the page with the full series behind the card, or {@code null}.
   */
  public record KpiCard(String id, String title, List<Figure> figures, boolean list, String note,
      String link, String stale) {

    public KpiCard(String id, String title, List<Figure> figures, boolean list, String note) {
      this(id, title, figures, list, note, null, null);
    }

    public KpiCard linkedTo(String href) {
      return new KpiCard(id, title, figures, list, note, href, stale);
    }

    /** The card with a notice that a newer figure is overdue ({@code null}: none). */
    public KpiCard withStale(String notice) {
      return new KpiCard(id, title, figures, list, note, link, notice);
    }

    public Figure main() {
      return figures.get(0);
    }

    public List<Figure> more() {
      return figures.subList(1, figures.size());
    }
  }

  /**
   * An event on the policy timeline. Its description is in the page's language where the data has
   * one; a Chinese page without one shows the English, and {@code descriptionLang} is then
   * {@code "en"} (for the description's {@code lang} attribute), else {@code null}.
   */
  public record TimelineEntry(String date, String isoDate, String categoryCode, String category,
      String title, String description, String descriptionLang, int sourceNo) {
  }

  /**
   * The overview in the language of {@code t}, from {@link DashboardData} with the newest
   * {@link #TIMELINE_EVENTS} events of {@code eventCount} in all.
   */
  public static DashboardView build(ViewRows data, long eventCount, Text t) {
    return build(data, DashboardData.Window.ALL, eventCount, t);
  }

  /** As {@link #build(ViewRows, long, Text)}, with the charts drawn over {@code window}. */
  public static DashboardView build(ViewRows data, DashboardData.Window window, long eventCount,
      Text t) {
    return build(data, window, eventCount, null, t);
  }

  /**
   * As {@link #build(ViewRows, DashboardData.Window, long, Text)}, with the card on where the
   * industry is ({@code places}, null for none). Sources are numbered in page order: key figures,
   * charts, the places card, the timeline.
   */
  public static DashboardView build(ViewRows data, DashboardData.Window window, long eventCount,
      PlacesCard.Latest places, Text t) {
    java.util.Map<String, org.aimonitor.store.Source> cited = new java.util.LinkedHashMap<>(data.sources());
    if (places != null) {
      places.sources().forEach(cited::putIfAbsent);
    }
    SourceNotes notes = new SourceNotes(cited);
    List<KpiCard> kpis = keyFigures(data, notes, t);
    DashboardCharts charts = new DashboardCharts(data, notes, t, window);
    List<ChartView> chartViews = List.of(charts.marketScale(), charts.segmentGrowth(),
        charts.hardwareAdoption(), charts.enterprises());
    PlacesCard placesCard = PlacesCard.build(places, notes, t);
    // "Data as of" is the newest publication among the figures shown, not the timeline's events.
    PartialDate asOf = notes.newestDate();
    List<TimelineEntry> timeline = data.events().stream()
        .sorted(Comparator.comparing(Event::date))
        .map(e -> timelineEntry(e, notes, t))
        .toList();
    return new DashboardView(dataAsOf(asOf, t), kpis, chartViews, placesCard, timeline,
        Math.max(0, eventCount - timeline.size()), notes.notes(), data.dataVersion(), null, null,
        null, asOf, null);
  }

  /** "Data as of": the newest publication date among the cited sources, in words. */
  public static String dataAsOf(PartialDate newest, Text t) {
    return newest == null ? t.t("overview.as-of.unknown") : t.date(newest);
  }

  /** The overview's key figures, citing into {@code notes}; the summary page lists the same ones. */
  public static List<KpiCard> keyFigures(ViewRows data, SourceNotes notes, Text t) {
    Cards cards = new Cards(data, notes, t);
    return List.of(cards.scale(), cards.enterprises(), cards.globalShare(), cards.segments());
  }

  /** The latest actual headline figure of an indicator in China, labelled with its period. */
  public static Optional<Figure> latestActual(ViewRows data, SourceNotes notes, String indicator,
      Text t) {
    Cards cards = new Cards(data, notes, t);
    return cards.latestActual(indicator, false).map(o -> cards.figure(null, o));
  }

  /** An event as the timeline shows it, citing its source into {@code notes}. */
  public static TimelineEntry timelineEntry(Event e, SourceNotes notes, Text t) {
    return new TimelineEntry(t.date(e.date()), e.date().code(), e.category(),
        t.eventCategory(e.category()), t.title(e), e.description(t.zh()), e.descriptionLang(t.zh()),
        notes.cite(e.source()));
  }

  /** Builds the KPI cards; each figure cites its source as it is made. */
  static final class Cards {
    private final ViewRows data;
    private final SourceNotes notes;
    private final Text t;

    Cards(ViewRows data, SourceNotes notes, Text t) {
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
      String period = t.period(indicator, o);
      return new Figure(label == null ? period : label, t.figure(indicator, o), period,
          t.qualifier(o.qualifier()), notes.cite(o.source()), t.name(indicator), indicator.code());
    }
  }
}
