package org.aimonitor.timeline;

import java.util.Comparator;
import java.util.List;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.store.Event;
import org.aimonitor.store.Snapshot;

/** {@code /timeline}: every policy, regulation, data-release and industry event, oldest first. */
public record TimelineView(List<Entry> events, List<SourceNotes.Note> sources, long dataVersion) {

  /** An event with its date in words and as ISO text, and its source's note number. */
  public record Entry(String date, String isoDate, String categoryCode, String category,
      String title, String titleZh, String description, int sourceNo) {
  }

  public static TimelineView build(Snapshot data) {
    SourceNotes notes = new SourceNotes(data.sources());
    List<Entry> entries = data.events().stream()
        .sorted(Comparator.comparing(Event::date))
        .map(e -> new Entry(e.date().label(), e.date().code(), e.category(),
            e.category().replace('_', ' '), e.titleEn(), e.titleZh(), e.descriptionEn(),
            notes.cite(e.source())))
        .toList();
    return new TimelineView(entries, notes.notes(), data.dataVersion());
  }
}
