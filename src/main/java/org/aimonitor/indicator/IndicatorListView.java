package org.aimonitor.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.indicator.IndicatorCatalog.Latest;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Source;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /indicators}: indicators by category, each with its latest headline figure and source,
 * a page of {@link #PAGE_SIZE} at a time.
 */
public record IndicatorListView(List<Category> categories, long count,
    List<SourceNotes.Note> sources, long dataVersion, Paging.Pager pager) {

  /** Indicators per page: every indicator of the seed fits on the first. */
  public static final int PAGE_SIZE = 100;

  /** A category heading and its indicators. */
  public record Category(String code, String label, List<Entry> entries) {
  }

  /**
   * One indicator. {@code figure} and the fields after it are {@code null} when the indicator
   * has no headline figure yet.
   */
  public record Entry(String code, String name, String href, String unit, String figure,
      String qualifier, String period, String region, Integer sourceNo, String publisher) {
  }

  /** The page {@code paging} of the list in {@code t}'s language, read in the handle's transaction. */
  public static IndicatorListView build(Handle h, Paging paging, Text t) {
    long count = IndicatorCatalog.count(h);
    paging.check(count, t);
    List<Latest> latest = IndicatorCatalog.latest(h, null, paging.size(), paging.offset());
    Set<String> cited = new LinkedHashSet<>();
    latest.stream().filter(l -> l.figure() != null).forEach(l -> cited.add(l.figure().source()));
    DataStore store = h.attach(DataStore.class);
    Map<String, Source> sources = new LinkedHashMap<>();
    store.sources(cited).forEach(s -> sources.put(s.id(), s));
    SourceNotes notes = new SourceNotes(sources);
    Map<String, List<Entry>> byCategory = new LinkedHashMap<>();
    for (Latest l : latest) {
      byCategory.computeIfAbsent(l.indicator().category(), c -> new ArrayList<>())
          .add(entry(sources, notes, l, t));
    }
    List<Category> categories = new ArrayList<>();
    byCategory.forEach((code, entries) -> categories.add(new Category(code, t.category(code), entries)));
    return new IndicatorListView(categories, count, notes.notes(), store.dataVersion(),
        paging.pager(count, p -> "/indicators" + (p == 1 ? "" : "?page=" + p), t));
  }

  private static Entry entry(Map<String, Source> sources, SourceNotes notes, Latest l, Text t) {
    Indicator i = l.indicator();
    String href = "/indicators/" + i.code();
    if (l.figure() == null) {
      return new Entry(i.code(), t.name(i), href, t.unit(i), null, null, null, null, null, null);
    }
    Observation o = l.figure();
    return new Entry(i.code(), t.name(i), href, t.unit(i), t.figure(i, o),
        t.qualifier(o.qualifier()), IndicatorCatalog.periodLabel(t, i, o), t.region(o.region()),
        notes.cite(o.source()), sources.get(o.source()).publisher());
  }
}
