package org.aimonitor.updates;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aimonitor.i18n.Text;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.QueryParams;

/**
 * Which imports a list shows by the day they were logged (UTC): {@code from} and {@code to} as
 * {@code YYYY-MM-DD}, both included, either left out for no bound ("what changed this quarter":
 * {@code ?from=2026-07-01&to=2026-09-30}). Parsed strictly, like every view parameter: a bad
 * value is refused with a 400 that says why.
 *
 * @param from first day included, or {@code null}
 * @param to   last day included, or {@code null}
 */
public record DateFilter(LocalDate from, LocalDate to) {

  public static final DateFilter NONE = new DateFilter(null, null);

  /** The parameters it reads. */
  public static final QueryParams PARAMS = QueryParams.of("from", "to");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2100;

  /**
   * Reads {@code from} and {@code to}; an empty value counts as absent (the page's form sends
   * one for "no bound").
   *
   * @param t the language the refusal is written in (the page's; English for the API)
   */
  public static DateFilter parse(Map<String, List<String>> query, Text t) {
    LocalDate from = date(query, "from", t);
    LocalDate to = date(query, "to", t);
    if (from != null && to != null && from.isAfter(to)) {
      throw refused(t, t.t("updates.filter.error.empty-range", from, to));
    }
    return new DateFilter(from, to);
  }

  /** Reads the filter from the request (its route declares {@link #PARAMS}). */
  public static DateFilter parse(Context ctx, Text t) {
    return parse(PARAMS.in(ctx), t);
  }

  private static LocalDate date(Map<String, List<String>> query, String name, Text t) {
    String text = PARAMS.single(query, name, t);
    if (text == null) {
      return null;
    }
    LocalDate date = null;
    if (DATE.matcher(text).matches()) {
      try {
        date = LocalDate.parse(text);
      } catch (DateTimeException e) {
        // Not a day of the calendar (2026-02-30): refused below.
      }
    }
    if (date == null || date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      throw refused(t, t.t("updates.filter.error.not-a-date", name, text));
    }
    return date;
  }

  private static HttpProblem refused(Text t, String message) {
    return QueryParams.refused(t, message);
  }

  public boolean isEmpty() {
    return from == null && to == null;
  }

  /** The filter as a query string ("?from=2026-07-01&to=2026-09-30"), "" when there is none. */
  public String query() {
    return query(1);
  }

  /** The filter's query with page {@code page} of its list (none for the first). */
  public String query(int page) {
    List<String> parts = new ArrayList<>();
    if (from != null) {
      parts.add("from=" + from);
    }
    if (to != null) {
      parts.add("to=" + to);
    }
    if (page > 1) {
      parts.add("page=" + page);
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /** "every import", "from 1 Jul 2026", "1 Jul 2026 – 30 Sep 2026", in {@code t}'s language. */
  public String describe(Text t) {
    if (from == null && to == null) {
      return t.t("updates.filter.all");
    }
    if (to == null) {
      return t.t("updates.filter.from", t.date(from));
    }
    if (from == null) {
      return t.t("updates.filter.to", t.date(to));
    }
    return t.t("updates.filter.between", t.date(from), t.date(to));
  }
}
