package org.aimonitor.timeline;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Event;
import org.aimonitor.store.Source;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /timeline}: the policy, regulation, data-release and industry events, oldest first,
 * {@link #PAGE_SIZE} to a page, in one language. Descriptions exist in English only.
 */
public record TimelineView(List<Entry> events, long total, List<SourceNotes.Note> sources,
    long dataVersion, Paging.Pager pager) {

  /** Events per page: every event of the seed fits on the first. */
  public static final int PAGE_SIZE = 100;

  /**
   * An event with its date in words and as ISO text, its category, its title in the page's
   * language, the Chinese title again on English pages ({@code null} on Chinese ones), its
   * description in the page's language where the data has one, else in English ({@code
   * descriptionLang} {@code "en"} on a Chinese page, null otherwise) and its source's note number.
   */
  public record Entry(String date, String isoDate, String categoryCode, String category,
      String title, String titleZh, String description, String descriptionLang, int sourceNo) {
  }

  public static TimelineView build(Handle h, Paging paging, Text t) {
    DataStore store = h.attach(DataStore.class);
    long total = store.eventCount();
    paging.check(total, t);
    List<Event> events = h.attach(TimelineQueries.class).page(paging.size(), paging.offset());
    Set<String> cited = new LinkedHashSet<>();
    events.forEach(e -> cited.add(e.source()));
    Map<String, Source> sources = new LinkedHashMap<>();
    store.sources(cited).forEach(s -> sources.put(s.id(), s));
    SourceNotes notes = new SourceNotes(sources);
    List<Entry> entries = events.stream()
        .map(e -> new Entry(t.date(e.date()), e.date().code(), e.category(),
            t.eventCategory(e.category()), t.title(e), t.zh() ? null : e.titleZh(),
            e.description(t.zh()), e.descriptionLang(t.zh()), notes.cite(e.source())))
        .toList();
    return new TimelineView(entries, total, notes.notes(), store.dataVersion(),
        paging.pager(total, p -> "/timeline" + (p == 1 ? "" : "?page=" + p), t));
  }
}
