package org.aimonitor.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.aimonitor.i18n.Lang;

/**
 * The query parameters each route understands: those of the parsers its handler uses
 * ({@link QueryParams}), declared by the route table. Anything else in a query (a tracking tag,
 * a typo) is ignored: it does not change the answer, so it neither splits the page cache nor
 * follows the reader into the links a page writes (docs/pages.md, "URL parameters and errors").
 */
public final class KnownParams {

  private static final Map<String, List<String>> BY_ROUTE = new ConcurrentHashMap<>();

  private KnownParams() {
  }

  /**
   * Declares the route {@code path} (a Javalin path pattern) by the parsers its handler reads
   * the query with: their parameters, in link order.
   */
  public static void declare(String path, QueryParams... parsers) {
    BY_ROUTE.put(path, QueryParams.all(parsers).names());
  }

  /** The parameters the matched route understands, in the order it declared them. */
  static List<String> of(Context ctx) {
    try {
      return BY_ROUTE.getOrDefault(ctx.endpoint().path, List.of());
    } catch (RuntimeException e) {
      // No route matched (an unknown path's error page): no parameter means anything.
      return List.of();
    }
  }

  /**
   * The request's known parameters with their values, in the route's order: what the answer
   * depends on besides the path ({@code lang} is not among them: the resolved language counts
   * instead). Values are trimmed and blank ones dropped, as the parsers read them
   * ({@link QueryParams}), so {@code limit=%205} and {@code limit=5} are one page. Pages build
   * their links from this, so equal keys render equal pages.
   */
  public static Map<String, List<String>> canonical(Context ctx) {
    Map<String, List<String>> all = ctx.queryParamMap();
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String name : of(ctx)) {
      List<String> values = all.get(name);
      if (values != null && !name.equals(Lang.PARAM)) {
        List<String> trimmed = values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (!trimmed.isEmpty()) {
          query.put(name, trimmed);
        }
      }
    }
    return query;
  }
}
