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
import org.aimonitor.store.Snapshot;
import org.aimonitor.store.Source;

/**
 * {@code GET /api/v1/...}: the data as JSON, every list a page at a time ({@link ApiPaging}),
 * each answer read in one transaction; errors are JSON too (see App).
 */
public final class ApiHandler {

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
    ApiPaging paging = ApiPaging.parse(ctx.queryParamMap(), ApiQueries.SOURCE_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      ApiQueries queries = h.attach(ApiQueries.class);
      List<Source> page = queries.sources(ApiQueries.SOURCE_ORDER.after(paging.after()),
          paging.limit() + 1);
      boolean more = page.size() > paging.limit();
      List<Source> shown = more ? page.subList(0, paging.limit()) : page;
      Map<String, List<String>> backs = new LinkedHashMap<>();
      if (!shown.isEmpty()) {
        queries.indicatorsBacked(shown.stream().map(Source::id).toList()).forEach(b ->
            backs.computeIfAbsent(b.source(), k -> new ArrayList<>()).add(b.indicator()));
      }
      String next = more ? Keyset.encode(List.of(shown.get(shown.size() - 1).id())) : null;
      return new ApiDocuments.SourceList(shown.stream()
          .map(s -> ApiDocuments.source(s, backs.getOrDefault(s.id(), List.of()))).toList(),
          paging.next(ctx, next));
    }));
  }

  public void events(Context ctx) {
    ApiPaging paging = ApiPaging.parse(ctx.queryParamMap(), ApiQueries.EVENT_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      List<Keyset.Keyed<Event>> page = h.attach(ApiQueries.class)
          .events(ApiQueries.EVENT_ORDER.after(paging.after()), paging.limit() + 1);
      boolean more = page.size() > paging.limit();
      List<Keyset.Keyed<Event>> shown = more ? page.subList(0, paging.limit()) : page;
      Set<String> cited = new LinkedHashSet<>();
      shown.forEach(r -> cited.add(r.row().source()));
      Map<String, Source> sources = new LinkedHashMap<>();
      h.attach(DataStore.class).sources(cited).forEach(s -> sources.put(s.id(), s));
      String next = more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null;
      return new ApiDocuments.EventList(shown.stream()
          .map(r -> ApiDocuments.event(r.row(), sources.get(r.row().source()))).toList(),
          paging.next(ctx, next));
    }));
  }
}
