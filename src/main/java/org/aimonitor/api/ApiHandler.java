package org.aimonitor.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.figures.Filter;
import org.aimonitor.figures.IndicatorCatalog;
import org.aimonitor.figures.IndicatorData;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.store.Event;
import org.aimonitor.store.Histories;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Snapshot;
import org.aimonitor.store.Source;
import org.jdbi.v3.core.Handle;

/**
 * {@code GET /api/v1/...}: the data as JSON, every list a page at a time ({@link ApiPaging}),
 * each answer read in one transaction; errors are JSON too (see App).
 */
public final class ApiHandler {

  /** Sources by id. */
  static final Keyset SOURCE_ORDER = new Keyset("s.id");
  /** Events oldest first (partial dates sort as text the way PartialDate does), then as stored. */
  static final Keyset EVENT_ORDER = new Keyset("e.date", "e.id");

  private final Database db;

  private final java.time.Clock clock;

  public ApiHandler(Database db, java.time.Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void indicators(Context ctx) {
    ApiPaging paging = ApiPaging.parse(ctx.queryParamMap(), IndicatorCatalog.LIST_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      List<IndicatorCatalog.Latest> page = IndicatorCatalog.latest(h, paging.after(),
          paging.limit() + 1, 0);
      boolean more = page.size() > paging.limit();
      List<IndicatorCatalog.Latest> shown = more ? page.subList(0, paging.limit()) : page;
      List<Histories.Recorded> figures = shown.stream()
          .filter(l -> l.recorded() != null).map(IndicatorCatalog.Latest::recorded).toList();
      Set<String> cited = new LinkedHashSet<>();
      figures.forEach(r -> cited.add(r.observation().source()));
      DataStore store = h.attach(DataStore.class);
      Snapshot slice = Snapshot.of(store.dataVersion(), List.of(), store.sources(cited),
          List.of(), List.of(), Histories.of(h, figures));
      String next = more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null;
      return ApiDocuments.indicators(shown, slice, ApiDocuments.freshness(h,
          shown.stream().map(l -> l.indicator().code()).toList(), LocalDate.now(clock)),
          paging.next(ctx, next));
    }));
  }

  public void indicator(Context ctx) {
    // The API speaks English whatever the request's language (docs/api.md).
    Filter filter = Filter.parse(ctx.queryParamMap(), Text.EN);
    ApiPaging paging = ApiPaging.parse(ctx.queryParamMap(), IndicatorData.PAGE_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      IndicatorData data = IndicatorData.apiPage(h, ctx.pathParam("code"), filter, paging.after(),
          paging.limit(), Text.EN);
      String code = data.indicator().code();
      return ApiDocuments.indicator(data,
          ApiDocuments.freshness(h, List.of(code), LocalDate.now(clock)).get(code),
          paging.next(ctx, data.next()));
    }));
  }

  public void sources(Context ctx) {
    ApiPaging paging = ApiPaging.parse(ctx.queryParamMap(), SOURCE_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      var q = h.createQuery("SELECT s.* FROM source s WHERE " + SOURCE_ORDER.condition(paging.after())
          + " ORDER BY " + SOURCE_ORDER.orderBy() + " LIMIT :limit").bind("limit", paging.limit() + 1);
      List<Source> page = SOURCE_ORDER.bind(q, paging.after()).map((rs, c) -> new Source(
          rs.getString("id"), rs.getString("publisher"), rs.getString("title"), rs.getString("url"),
          PartialDate.parseOptional(rs.getString("published_on")), rs.getString("language"),
          rs.getString("reliability"), rs.getString("note"))).list();
      boolean more = page.size() > paging.limit();
      List<Source> shown = more ? page.subList(0, paging.limit()) : page;
      Map<String, List<String>> backs = indicatorsBacked(h, shown.stream().map(Source::id).toList());
      String next = more ? Keyset.encode(List.of(shown.get(shown.size() - 1).id())) : null;
      return new ApiDocuments.SourceList(shown.stream()
          .map(s -> ApiDocuments.source(s, backs.getOrDefault(s.id(), List.of()))).toList(),
          paging.next(ctx, next));
    }));
  }

  /** The indicators each source's figures belong to, for one page of sources in one query. */
  private static Map<String, List<String>> indicatorsBacked(Handle h, List<String> sources) {
    Map<String, List<String>> backs = new LinkedHashMap<>();
    if (!sources.isEmpty()) {
      h.createQuery("SELECT DISTINCT source, indicator FROM observation WHERE source IN (<ids>)"
              + " ORDER BY source, indicator")
          .bindList("ids", sources)
          .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
          .forEach(e -> backs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    }
    return backs;
  }

  public void events(Context ctx) {
    ApiPaging paging = ApiPaging.parse(ctx.queryParamMap(), EVENT_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      record Row(Event event, List<Object> key) {
      }
      var q = h.createQuery("SELECT e.*, " + EVENT_ORDER.select() + " FROM event e WHERE "
          + EVENT_ORDER.condition(paging.after()) + " ORDER BY " + EVENT_ORDER.orderBy()
          + " LIMIT :limit").bind("limit", paging.limit() + 1);
      List<Row> page = EVENT_ORDER.bind(q, paging.after()).map((rs, c) -> new Row(new Event(
          PartialDate.parse(rs.getString("date")), rs.getString("category"), rs.getString("title_en"),
          rs.getString("title_zh"), rs.getString("description_en"), rs.getString("source")),
          List.of(rs.getString("k0"), rs.getLong("k1")))).list();
      boolean more = page.size() > paging.limit();
      List<Row> shown = more ? page.subList(0, paging.limit()) : page;
      Set<String> cited = new LinkedHashSet<>();
      shown.forEach(r -> cited.add(r.event().source()));
      Map<String, Source> sources = new LinkedHashMap<>();
      h.attach(DataStore.class).sources(cited).forEach(s -> sources.put(s.id(), s));
      String next = more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null;
      return new ApiDocuments.EventList(shown.stream()
          .map(r -> ApiDocuments.event(r.event(), sources.get(r.event().source()))).toList(),
          paging.next(ctx, next));
    }));
  }
}
