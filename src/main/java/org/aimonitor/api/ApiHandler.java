package org.aimonitor.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.json.Json;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.store.Event;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Source;

/**
 * {@code GET /api/v1/sources} and {@code /api/v1/events}: the sources and events as JSON, a
 * page at a time ({@link ApiPaging}), each answer read in one transaction; errors are JSON too
 * (see App). The rest of {@code /api/v1} is served by the handlers of indicators, places and
 * imports, beside their pages.
 */
public final class ApiHandler {

  private final Database db;

  public ApiHandler(Database db) {
    this.db = db;
  }

  public void sources(Context ctx) {
    ApiPaging paging = ApiPaging.parse(ctx, ApiQueries.SOURCE_ORDER);
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
    ApiPaging paging = ApiPaging.parse(ctx, ApiQueries.EVENT_ORDER);
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
