package org.aimonitor.source;

import java.util.List;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /sources/{id}}: one cited page, what it is and how far it is trusted, every figure it
 * backs (a page of {@link #PAGE_SIZE} at a time, by indicator, region and period, each linking to
 * its indicator page) and the events it backs.
 */
public record SourceView(SourcesView.Entry entry, List<Backed> figures, Paging.Pager pager,
    List<BackedEvent> events, long moreEvents, long dataVersion) {

  public static final int PAGE_SIZE = 100;
  /** Events listed on a source's page; the timeline has every event. */
  static final int EVENTS_SHOWN = 100;

  /** A figure a source backs, linked to its indicator page in its region. */
  public record Backed(String indicator, String href, String region, String period, String figure,
      boolean headline) {
  }

  /** An event a source backs: its date and its title in the page's language. */
  public record BackedEvent(String date, String title) {
  }

  /**
   * The page of source {@code id} in the handle's transaction.
   *
   * @throws HttpProblem 404 in {@code t}'s language for an unknown source or a page past the end
   */
  public static SourceView build(Handle h, String id, Paging paging, Text t) {
    SourceQueries queries = h.attach(SourceQueries.class);
    SourceQueries.Backing backing = queries.source(id)
        .orElseThrow(() -> HttpProblem.said(404, t.t("source.error.not-found.title"),
            t.t("source.error.not-found", id)));
    paging.check(backing.figures(), t);
    List<SourceQueries.Backed> rows = queries.figures(id, paging.size(), paging.offset());
    Names names = Names.read(h, rows.stream().map(f -> f.figure().region()).distinct().toList(),
        List.of(), List.of());
    List<Backed> figures = rows.stream().map(f -> {
      Indicator i = f.indicator();
      Observation o = f.figure();
      return new Backed(t.name(i), "/indicators/" + i.code() + "?region=" + o.region(),
          names.region(o.region(), t), t.period(i, o), t.figure(i, o),
          o.headline());
    }).toList();
    List<BackedEvent> events = queries.events(id, EVENTS_SHOWN).stream()
        .map(e -> new BackedEvent(t.date(e.date()), t.zh() ? e.titleZh() : e.titleEn()))
        .toList();
    List<SourcesView.IndicatorLink> named = SourcesView.indicatorsOf(h, List.of(id), t)
        .getOrDefault(id, List.of());
    String href = "/sources/" + id;
    Names language = Names.read(h, List.of(), List.of(), List.of(backing.source().language()));
    return new SourceView(SourcesView.entry(backing, named, language, t), figures,
        paging.pager(backing.figures(), p -> href + (p == 1 ? "" : "?page=" + p), t), events,
        Math.max(0, backing.events() - events.size()), h.attach(DataStore.class).dataVersion());
  }
}
