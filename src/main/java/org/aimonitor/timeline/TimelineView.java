package org.aimonitor.timeline;

import java.util.Comparator;
import java.util.List;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Event;
import org.aimonitor.store.Snapshot;

/**
 * {@code /timeline}: every policy, regulation, data-release and industry event, oldest first, in
 * one language. Descriptions exist in English only.
 */
public record TimelineView(List<Entry> events, List<SourceNotes.Note> sources, long dataVersion) {

  /**
   * An event with its date in words and as ISO text, its category, its title in the page's
   * language, the Chinese title again on English pages ({@code null} on Chinese ones), its English
   * description and its source's note number.
   */
  public record Entry(String date, String isoDate, String categoryCode, String category,
      String title, String titleZh, String description, int sourceNo) {
  }

  public static TimelineView build(Snapshot data, Text t) {
    SourceNotes notes = new SourceNotes(data.sources());
    List<Entry> entries = data.events().stream()
        .sorted(Comparator.comparing(Event::date))
        .map(e -> new Entry(t.date(e.date()), e.date().code(), e.category(),
            t.eventCategory(e.category()), t.title(e), t.zh() ? null : e.titleZh(),
            e.descriptionEn(), notes.cite(e.source())))
        .toList();
    return new TimelineView(entries, notes.notes(), data.dataVersion());
  }
}
