package org.aimonitor.source;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aimonitor.i18n.Text;
import org.aimonitor.indicator.IndicatorCatalog;
import org.aimonitor.indicator.Regions;
import org.aimonitor.store.Event;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Snapshot;
import org.aimonitor.store.Source;

/** {@code /sources}: every cited page, how far it is trusted, and every figure and event it backs. */
public record SourcesView(List<Entry> sources, List<Count> counts, long dataVersion) {

  /** How many sources have a reliability level. */
  public record Count(String reliability, long count) {
  }

  /** A source with what it backs. */
  public record Entry(Source source, String languageLabel, List<Backed> figures, List<String> events) {
  }

  /** A figure a source backs, linked to its indicator page. */
  public record Backed(String indicator, String href, String region, String period, String figure,
      boolean headline) {
  }

  static final List<String> RELIABILITY = List.of("official", "news", "secondary", "low");

  private static final Map<String, String> LANGUAGES = Map.of("en", "English", "zh", "Chinese",
      "fr", "French");

  public static SourcesView build(Snapshot data) {
    Map<String, List<Observation>> bySource = data.observations().stream()
        .collect(Collectors.groupingBy(Observation::source));
    Map<String, List<Event>> eventsBySource = data.events().stream()
        .collect(Collectors.groupingBy(Event::source));
    List<Entry> entries = data.sources().values().stream()
        .sorted(Comparator.comparing((Source s) -> s.publisher().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Source::id))
        .map(s -> new Entry(s, LANGUAGES.getOrDefault(s.language(), s.language()),
            bySource.getOrDefault(s.id(), List.of()).stream()
                .map(o -> backed(data, o)).toList(),
            eventsBySource.getOrDefault(s.id(), List.of()).stream()
                .map(e -> e.date().label() + ": " + e.titleEn()).toList()))
        .toList();
    List<Count> counts = RELIABILITY.stream()
        .map(r -> new Count(r, data.sources().values().stream()
            .filter(s -> s.reliability().equals(r)).count()))
        .toList();
    return new SourcesView(entries, counts, data.dataVersion());
  }

  private static Backed backed(Snapshot data, Observation o) {
    Indicator i = data.indicator(o.indicator());
    return new Backed(i.nameEn(), "/indicators/" + i.code() + "?region=" + o.region(),
        Regions.label(o.region()), IndicatorCatalog.periodLabel(i, o), Text.EN.figure(i, o),
        o.headline());
  }
}
