package org.aimonitor.source;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aimonitor.i18n.Messages;
import org.aimonitor.i18n.Text;
import org.aimonitor.indicator.IndicatorCatalog;
import org.aimonitor.store.Event;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Snapshot;
import org.aimonitor.store.Source;

/**
 * {@code /sources}: every cited page, how far it is trusted, and every figure and event it backs,
 * in one language. The sources' own words (publisher, title, note) stay as the dataset has them.
 */
public record SourcesView(List<Entry> sources, List<Count> counts, long dataVersion) {

  /** How many sources have a reliability level; {@code label} is the level in words. */
  public record Count(String reliability, String label, long count) {
  }

  /**
   * A source with what it backs: its date, language and reliability in words, the figures and
   * the events it backs.
   */
  public record Entry(Source source, String date, String languageLabel, String reliabilityLabel,
      List<Backed> figures, List<BackedEvent> events) {
  }

  /** A figure a source backs, linked to its indicator page. */
  public record Backed(String indicator, String href, String region, String period, String figure,
      boolean headline) {
  }

  /** An event a source backs: its date and its title in the page's language. */
  public record BackedEvent(String date, String title) {
  }

  static final List<String> RELIABILITY = List.of("official", "news", "secondary", "low");

  public static SourcesView build(Snapshot data, Text t) {
    Map<String, List<Observation>> bySource = data.observations().stream()
        .collect(Collectors.groupingBy(Observation::source));
    Map<String, List<Event>> eventsBySource = data.events().stream()
        .collect(Collectors.groupingBy(Event::source));
    List<Entry> entries = data.sources().values().stream()
        .sorted(Comparator.comparing((Source s) -> s.publisher().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Source::id))
        .map(s -> new Entry(s, t.date(s), language(t, s.language()), reliability(t, s.reliability()),
            bySource.getOrDefault(s.id(), List.of()).stream()
                .map(o -> backed(data, o, t)).toList(),
            eventsBySource.getOrDefault(s.id(), List.of()).stream()
                .map(e -> new BackedEvent(t.date(e.date()), t.title(e))).toList()))
        .toList();
    List<Count> counts = RELIABILITY.stream()
        .map(r -> new Count(r, reliability(t, r), data.sources().values().stream()
            .filter(s -> s.reliability().equals(r)).count()))
        .toList();
    return new SourcesView(entries, counts, data.dataVersion());
  }

  /** "English" / "英文"; a language outside the vocabulary is shown as its code. */
  static String language(Text t, String code) {
    String key = "sources.language." + code;
    return Messages.has(t.lang(), key) ? t.t(key) : code;
  }

  /** "official" / "官方"; a level outside the vocabulary is shown as itself. */
  static String reliability(Text t, String level) {
    String key = "sources.reliability." + level;
    return Messages.has(t.lang(), key) ? t.t(key) : level;
  }

  private static Backed backed(Snapshot data, Observation o, Text t) {
    Indicator i = data.indicator(o.indicator());
    String period = IndicatorCatalog.isStock(i) ? t.periodEnd(o.period()) : t.period(o.period());
    return new Backed(t.name(i), "/indicators/" + i.code() + "?region=" + o.region(),
        t.region(o.region()), period, t.figure(i, o), o.headline());
  }
}
