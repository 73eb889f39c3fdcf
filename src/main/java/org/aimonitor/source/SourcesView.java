package org.aimonitor.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.i18n.Messages;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Source;
import org.aimonitor.store.Vocabulary;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /sources}: the cited pages, a page at a time in publisher order, each with how far it
 * is trusted and how much it backs (figures, indicators, events), linking to the indicators and
 * to the source's own page, which lists every figure. The sources' own words (publisher, title,
 * note) stay as the dataset has them.
 */
public record SourcesView(List<Entry> sources, long total, List<Count> counts, long dataVersion,
    Paging.Pager pager) {

  /** Sources per page. */
  public static final int PAGE_SIZE = 100;
  /** Indicators named per source in the register; its own page lists the rest. */
  static final int INDICATORS_NAMED = 5;

  /** How many sources have a reliability level; {@code label} is the level in words. */
  public record Count(String reliability, String label, long count) {
  }

  /**
   * A source with what it backs: its date, language and reliability in words, how many figures,
   * indicators and events it backs, the first indicators, and the address of its own page.
   */
  public record Entry(Source source, String date, String languageLabel, String reliabilityLabel,
      long figures, long indicatorCount, List<IndicatorLink> indicators, long events, String href) {

    /** Indicators it backs that {@link #indicators} does not name. */
    public long moreIndicators() {
      return indicatorCount - indicators.size();
    }
  }

  /** An indicator a source backs, with how many of its figures come from the source. */
  public record IndicatorLink(String code, String name, String href, long figures) {
  }

  /** The register's page {@code paging}, read in the handle's transaction. */
  public static SourcesView build(Handle h, Paging paging, Text t) {
    SourceQueries queries = h.attach(SourceQueries.class);
    long total = queries.count();
    paging.check(total, t);
    List<SourceQueries.Backing> page = queries.page(paging.size(), paging.offset());
    Map<String, List<IndicatorLink>> named = indicatorsOf(h,
        page.stream().map(b -> b.source().id()).toList(), t);
    Names names = Names.read(h, List.of(), List.of(),
        page.stream().map(b -> b.source().language()).distinct().toList());
    List<Entry> entries = page.stream()
        .map(b -> entry(b, named.getOrDefault(b.source().id(), List.of()), names, t))
        .toList();
    Map<String, Long> byLevel = queries.countsByReliability();
    List<Count> counts = Vocabulary.RELIABILITY.stream()
        .map(r -> new Count(r, reliability(t, r), byLevel.getOrDefault(r, 0L)))
        .toList();
    return new SourcesView(entries, total, counts, h.attach(DataStore.class).dataVersion(),
        paging.pager(total, p -> "/sources" + (p == 1 ? "" : "?page=" + p), t));
  }

  static Entry entry(SourceQueries.Backing b, List<IndicatorLink> indicators, Names names, Text t) {
    Source s = b.source();
    return new Entry(s, t.date(s), names.language(s.language(), t), reliability(t, s.reliability()),
        b.figures(), b.indicators(), indicators, b.events(), "/sources/" + s.id());
  }

  /**
   * The first {@link #INDICATORS_NAMED} indicators each source backs (in category order), with
   * how many of its figures each has: one query for the page's sources.
   */
  static Map<String, List<IndicatorLink>> indicatorsOf(Handle h, List<String> sources, Text t) {
    Map<String, List<IndicatorLink>> named = new LinkedHashMap<>();
    if (sources.isEmpty()) {
      return named;
    }
    for (SourceQueries.IndicatorBacked b : h.attach(SourceQueries.class).indicatorsBacked(sources)) {
      List<IndicatorLink> list = named.computeIfAbsent(b.source(), k -> new ArrayList<>());
      if (list.size() < INDICATORS_NAMED) {
        list.add(new IndicatorLink(b.code(), t.zh() ? b.nameZh() : b.nameEn(),
            "/indicators/" + b.code(), b.figures()));
      }
    }
    return named;
  }

  /** "official" / "官方"; a level outside the vocabulary is shown as itself. */
  static String reliability(Text t, String level) {
    String key = "sources.reliability." + level;
    return Messages.has(t.lang(), key) ? t.t(key) : level;
  }
}
