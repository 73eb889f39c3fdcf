package org.aimonitor.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Snapshot;

/** {@code /indicators}: every indicator by category, with its latest headline figure and source. */
public record IndicatorListView(List<Category> categories, int count,
    List<SourceNotes.Note> sources, long dataVersion) {

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

  /** The list in {@code t}'s language: names, units, figures, periods and regions. */
  public static IndicatorListView build(Snapshot data, Text t) {
    SourceNotes notes = new SourceNotes(data.sources());
    List<Category> categories = new ArrayList<>();
    List<Indicator> ordered = IndicatorCatalog.ordered(data);
    for (String category : IndicatorCatalog.CATEGORIES) {
      List<Entry> entries = ordered.stream()
          .filter(i -> i.category().equals(category))
          .map(i -> entry(data, notes, i, t))
          .toList();
      if (!entries.isEmpty()) {
        categories.add(new Category(category, t.category(category), entries));
      }
    }
    return new IndicatorListView(categories, ordered.size(), notes.notes(), data.dataVersion());
  }

  private static Entry entry(Snapshot data, SourceNotes notes, Indicator i, Text t) {
    Optional<Observation> latest = IndicatorCatalog.latest(data, i);
    String href = "/indicators/" + i.code();
    if (latest.isEmpty()) {
      return new Entry(i.code(), t.name(i), href, t.unit(i), null, null, null, null, null, null);
    }
    Observation o = latest.get();
    return new Entry(i.code(), t.name(i), href, t.unit(i), t.figure(i, o),
        t.qualifier(o.qualifier()), IndicatorCatalog.periodLabel(t, i, o), t.region(o.region()),
        notes.cite(o.source()), data.source(o.source()).publisher());
  }
}
