package org.aimonitor.search;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aimonitor.api.ApiPaging;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.Database;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;
import org.aimonitor.web.Page;
import org.aimonitor.web.Paging;
import org.aimonitor.web.QueryParams;

/**
 * {@code GET /search?q=…} and its JSON twin {@code GET /api/v1/search?q=…}. Answers are not
 * cached: a query is free text, so it never becomes a page-cache key; each search reads a
 * bounded part of the index instead (docs/pages.md, "Search").
 */
public final class SearchHandler {

  /** The parameters both answers read: the query and, optionally, one kind of match. */
  public static final QueryParams PARAMS = QueryParams.of("q", "kind");

  private final Database db;

  public SearchHandler(Database db) {
    this.db = db;
  }

  public void page(Context ctx) {
    Text t = Text.of(ctx);
    Map<String, List<String>> params = PARAMS.in(ctx);
    SearchQuery query = query(params, t);
    Search.Kind only = kind(params, t);
    Paging paging = Paging.parse(ctx, SearchView.PAGE_SIZE, t);
    if (paging.offset() >= SearchQueries.CAP) {
      paging.check(SearchQueries.CAP, t);
    }
    List<Search.Kind> kinds = only == null ? Arrays.asList(Search.Kind.values()) : List.of(only);
    int limit = only == null ? SearchView.PER_GROUP : SearchView.PAGE_SIZE;
    long offset = only == null ? 0 : paging.offset();
    SearchView view = db.jdbi().inTransaction(h -> {
      Search.Results r = query.isEmpty()
          ? new Search.Results(query, List.of(), List.of(), List.of())
          : Search.run(h, query, kinds, limit, offset);
      if (only != null && offset > 0) {
        Search.Group g = r.group(only);
        paging.check(g == null ? 0 : g.total(), t);
      }
      return SearchView.build(h, r, only, paging, t);
    });
    ctx.header("Cache-Control", "no-cache");
    String title = query.isEmpty() ? t.t("search.title") : t.t("search.title-for", query.text());
    Page.render(ctx, "search", title, "search", view);
  }

  /** A match in the API: its kind, key, names, where it is on the site. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record MatchDoc(String kind, String id, String name, String nameZh, String url, Object detail) {
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record GroupDoc(String kind, long count, boolean countCapped, List<MatchDoc> matches, String next) {
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record SearchDoc(String query, String period, List<String> places, List<GroupDoc> groups) {
  }

  /** A figure's detail: as stored, with its indicator's unit. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FigureDoc(String indicator, String region, String period, String value, String unit,
      String qualifier, String source, boolean headline) {
  }

  private static final Keyset OFFSET = new Keyset("offset");

  public void api(Context ctx) {
    Map<String, List<String>> params = PARAMS.in(ctx);
    SearchQuery query = query(params, Text.EN);
    Search.Kind only = kind(params, Text.EN);
    ApiPaging paging = ApiPaging.parse(ctx, OFFSET);
    Object after = paging.after() == null ? 0L : paging.after().get(0);
    if (!(after instanceof Number n) || n.longValue() < 0 || n.longValue() >= SearchQueries.CAP) {
      throw QueryParams.refused(Text.EN, "The parameter \"cursor\" is not a cursor this search gave"
          + " out; start without it, then follow \"next\".");
    }
    long offset = n.longValue();
    int limit = only == null ? Math.min(paging.limit(), 20) : paging.limit();
    List<Search.Kind> kinds = only == null ? Arrays.asList(Search.Kind.values()) : List.of(only);
    SearchDoc doc = db.jdbi().inTransaction(h -> {
      Search.Results r = query.isEmpty() ? new Search.Results(query, List.of(), List.of(), List.of())
          : Search.run(h, query, kinds, limit, offset);
      List<GroupDoc> groups = new ArrayList<>();
      for (Search.Group g : r.groups()) {
        List<MatchDoc> matches = g.items().stream().map(SearchHandler::match).toList();
        long end = offset + g.items().size();
        String next = null;
        if (end < g.total()) {
          next = only != null ? paging.next(ctx, Keyset.encode(List.<Object>of(end)))
              : "/api/v1/search?q=" + java.net.URLEncoder.encode(query.text(), java.nio.charset.StandardCharsets.UTF_8)
                  + "&kind=" + g.kind().code() + "&cursor=" + Keyset.encode(List.<Object>of(end));
        }
        groups.add(new GroupDoc(g.kind().code(), g.total(), g.capped(), matches, next));
      }
      return new SearchDoc(query.text(), query.period() == null ? null : query.period().code(),
          r.placeCodes(), groups);
    });
    ctx.header("Cache-Control", "no-cache");
    Json.respond(ctx, doc);
  }

  private static MatchDoc match(Object x) {
    if (x instanceof Indicator i) {
      return new MatchDoc("indicator", i.code(), i.nameEn(), i.nameZh(), "/indicators/" + i.code(), null);
    }
    if (x instanceof Region p) {
      return new MatchDoc("place", p.code(), p.nameEn(), p.nameZh(), "/regions/" + p.code(), null);
    }
    if (x instanceof Source s) {
      return new MatchDoc("source", s.id(), s.title(), null, "/sources/" + s.id(), Map.of(
          "publisher", s.publisher(), "url", s.url(),
          "published_on", s.publishedOn() == null ? "" : s.publishedOn().code()));
    }
    if (x instanceof SearchQueries.EventRow e) {
      return new MatchDoc("event", String.valueOf(e.id()), e.titleEn(), e.titleZh(), "/timeline",
          Map.of("date", e.date(), "source", e.source()));
    }
    Search.Figure f = (Search.Figure) x;
    var o = f.observation();
    return new MatchDoc("figure", o.indicator() + "/" + o.region() + "/" + o.period().code() + "/" + o.source(),
        f.indicator().nameEn(), f.indicator().nameZh(), "/indicators/" + o.indicator() + "?region=" + o.region(),
        new FigureDoc(o.indicator(), o.region(), o.period().code(), o.value().toPlainString(),
            f.indicator().unit(), o.qualifier().code(), o.source(), o.headline()));
  }

  private static SearchQuery query(Map<String, List<String>> params, Text t) {
    String raw = PARAMS.single(params, "q", t);
    try {
      return SearchQuery.parse(raw);
    } catch (SearchQuery.Refused e) {
      throw QueryParams.refused(t, t.t(e.key(), e.limit()));
    }
  }

  private static Search.Kind kind(Map<String, List<String>> params, Text t) {
    String code = PARAMS.single(params, "kind", t);
    if (code == null) {
      return null;
    }
    Search.Kind kind = Search.Kind.parse(code);
    if (kind == null) {
      throw QueryParams.refused(t, t.t("search.error.kind", code));
    }
    return kind;
  }
}
