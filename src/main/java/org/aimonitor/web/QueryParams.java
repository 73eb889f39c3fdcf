package org.aimonitor.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.aimonitor.i18n.Text;

/**
 * The query parameters one parser reads, declared once, beside the parser. The route table
 * declares each route by the parsers its handler uses ({@link KnownParams}), so a name added
 * here reaches the cache key and the links of every route that reads it; a parser reads only
 * its own names, and only on a route that declared them ({@link #in}). Each name is read with
 * {@link #single}, the one place that refuses a parameter given twice.
 *
 * @param names the parameters, in the order links write them
 */
public record QueryParams(List<String> names) {

  public QueryParams {
    names = List.copyOf(names);
  }

  public static QueryParams of(String... names) {
    return new QueryParams(List.of(names));
  }

  /** The parameters of several parsers, in their order, each name once. */
  public static QueryParams all(QueryParams... parsers) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (QueryParams p : parsers) {
      names.addAll(p.names());
    }
    return new QueryParams(new ArrayList<>(names));
  }

  /**
   * The request's query, for a parser of these parameters.
   *
   * @throws IllegalStateException when the matched route did not declare them: its cache key
   *                               and links would drop them (a mistake in the route table)
   */
  public Map<String, List<String>> in(Context ctx) {
    List<String> declared = KnownParams.of(ctx);
    if (!declared.containsAll(names)) {
      throw new IllegalStateException("the route " + ctx.endpoint().path + " declares " + declared
          + ", not every parameter its handler reads: " + names);
    }
    return ctx.queryParamMap();
  }

  /**
   * The one value of {@code name}, trimmed; null when it is absent or blank (what a form sends
   * for "all").
   *
   * @throws HttpProblem 400 in {@code t}'s language when it is given more than once
   * @throws IllegalArgumentException when {@code name} is not one of these parameters
   */
  public String single(Map<String, List<String>> query, String name, Text t) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException(name + " is not one of " + names);
    }
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw refused(t, t.t("filter.error.repeated", name, values.size()));
    }
    return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
  }

  /** A parameter refused: 400, with the title every refusal of a parameter has, in {@code t}'s language. */
  public static HttpProblem refused(Text t, String message) {
    return HttpProblem.said(400, t.t("filter.error.title"), message);
  }
}
