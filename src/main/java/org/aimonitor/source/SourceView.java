package org.aimonitor.source;

import java.math.BigDecimal;
import java.util.List;
import org.aimonitor.figures.IndicatorCatalog;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
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
    SourcesView.Backing backing = h.createQuery("""
            SELECT s.*,
              (SELECT count(*) FROM observation o WHERE o.source = s.id) AS figures,
              (SELECT count(DISTINCT o.indicator) FROM observation o WHERE o.source = s.id) AS indicators,
              (SELECT count(*) FROM event e WHERE e.source = s.id) AS events
            FROM source s WHERE s.id = :id
            """)
        .bind("id", id)
        .map((rs, ctx) -> new SourcesView.Backing(SourcesView.source(rs), rs.getLong("figures"),
            rs.getLong("indicators"), rs.getLong("events")))
        .findOne()
        .orElseThrow(() -> HttpProblem.said(404, t.t("source.error.not-found.title"),
            t.t("source.error.not-found", id)));
    paging.check(backing.figures(), t);
    record Figure(Indicator indicator, Observation observation) {
    }
    List<Figure> rows = h.createQuery("""
            SELECT o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note, %s
            FROM observation o JOIN indicator i ON i.code = o.indicator JOIN unit u ON u.code = i.unit
              JOIN region r ON r.code = o.region
            WHERE o.source = :id
            ORDER BY o.indicator, r.id, o.period_end, o.period_start, o.id
            LIMIT :limit OFFSET :offset
            """.formatted(Indicator.COLUMNS))
        .bind("id", id).bind("limit", paging.size()).bind("offset", paging.offset())
        .map((rs, ctx) -> {
          Indicator i = Indicator.read(rs);
          return new Figure(i, new Observation(i.code(), rs.getString("region"),
              Period.parse(rs.getString("period")), new BigDecimal(rs.getString("value")),
              Qualifier.parse(rs.getString("qualifier")), rs.getString("source"),
              rs.getInt("headline") == 1, rs.getString("note")));
        })
        .list();
    Names names = Names.read(h, rows.stream().map(f -> f.observation().region()).distinct().toList(),
        List.of(), List.of());
    List<Backed> figures = rows.stream().map(f -> {
      Indicator i = f.indicator();
      Observation o = f.observation();
      return new Backed(t.name(i), "/indicators/" + i.code() + "?region=" + o.region(),
          names.region(o.region(), t), IndicatorCatalog.periodLabel(t, i, o), t.figure(i, o),
          o.headline());
    }).toList();
    List<BackedEvent> events = h.createQuery("""
            SELECT date, title_en, title_zh FROM event WHERE source = :id
            ORDER BY date, id LIMIT :limit
            """)
        .bind("id", id).bind("limit", EVENTS_SHOWN)
        .map((rs, ctx) -> new BackedEvent(t.date(PartialDate.parse(rs.getString("date"))),
            t.zh() ? rs.getString("title_zh") : rs.getString("title_en")))
        .list();
    List<SourcesView.IndicatorLink> named = SourcesView.indicatorsOf(h, List.of(id), t)
        .getOrDefault(id, List.of());
    long version = h.createQuery("SELECT version FROM data_version").mapTo(Long.class).one();
    String href = "/sources/" + id;
    Names language = Names.read(h, List.of(), List.of(), List.of(backing.source().language()));
    return new SourceView(SourcesView.entry(backing, named, language, t), figures,
        paging.pager(backing.figures(), p -> href + (p == 1 ? "" : "?page=" + p), t), events,
        Math.max(0, backing.events() - events.size()), version);
  }
}
