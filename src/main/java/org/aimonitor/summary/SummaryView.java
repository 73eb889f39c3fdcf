package org.aimonitor.summary;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.aimonitor.chart.ChartView;
import org.aimonitor.dashboard.DashboardCharts;
import org.aimonitor.dashboard.DashboardView;
import org.aimonitor.dashboard.DashboardView.Figure;
import org.aimonitor.dashboard.DashboardView.KpiCard;
import org.aimonitor.dashboard.DashboardView.TimelineEntry;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.store.Event;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Snapshot;

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
    String generatedAt) {

  /** The smart-hardware shares drawn in the adoption chart, whose latest actuals the table lists. */
  static final List<String> HARDWARE = List.of("ai_phone_share", "ai_pc_share", "l2_adas_penetration");

  /** Milestones are the policy events: plans, work reports and State Council decisions. */
  static final String MILESTONE_CATEGORY = "policy";

  /**
   * What a reader must know before quoting the figures. Kept to the caveats that change how the
   * figures on this page read (data/README.md, "Known conflicts and series breaks").
   */
  static final List<String> DATA_NOTES = List.of(
      "Series break between 2023 and 2024: CAICT's > ¥900 bn for 2024 at +24 % implies a 2023 "
          + "base of about ¥726 bn, not the ¥578.4 bn reported for 2023. Do not compute growth "
          + "across the two years.",
      "The 15 % is China's share of the world's AI enterprises (a count of firms), not of the "
          + "global AI market.",
      "Definitions differ between sources: enterprise counts (CAICT, MIIT, KPMG/ZGC), L2 driver "
          + "assistance (MIIT, IDC, industry reports), AI PCs (Canalys; IDC's 2027 forecast is "
          + "wider). The 2020 scale is CAICT's broader \"AI industry\".",
      "\">\" marks a lower bound (\"over\", \"more than\"), \"≈\" an approximate figure; "
          + "forecasts and targets are labelled and never drawn as actuals.");

  private static final DateTimeFormatter GENERATED = DateTimeFormatter
      .ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  /** A row of the key-figures table. */
  public record KeyFigure(String measure, String value, String qualifier, String period,
      int sourceNo) {

    static KeyFigure of(Figure f) {
      return new KeyFigure(f.measure(), f.value(), f.qualifier(), f.period(), f.sourceNo());
    }
  }

  public static SummaryView build(Snapshot data, ZonedDateTime now) {
    SourceNotes notes = new SourceNotes(data.sources());
    List<KeyFigure> figures = new ArrayList<>();
    for (KpiCard card : DashboardView.keyFigures(data, notes)) {
      card.figures().forEach(f -> figures.add(KeyFigure.of(f)));
    }
    for (String code : HARDWARE) {
      DashboardView.latestActual(data, notes, code).ifPresent(f -> figures.add(KeyFigure.of(f)));
    }
    DashboardCharts shaper = new DashboardCharts(data, notes);
    List<ChartView> charts = List.of(shaper.marketScale(), shaper.segmentGrowth(),
        shaper.hardwareAdoption());
    // Before the milestones cite theirs: "data as of" dates the figures, as on the overview.
    PartialDate asOf = notes.newestDate();
    List<TimelineEntry> milestones = data.events().stream()
        .filter(e -> e.category().equals(MILESTONE_CATEGORY))
        .sorted(Comparator.comparing(Event::date))
        .map(e -> DashboardView.timelineEntry(e, notes))
        .toList();
    return new SummaryView(asOf == null ? "unknown" : asOf.label(), figures, charts, milestones,
        DATA_NOTES, notes.notes(), data.dataVersion(),
        GENERATED.format(now.withZoneSameInstant(ZoneOffset.UTC)));
  }
}
