package org.aimonitor.indicator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Observation;
import org.aimonitor.web.HttpProblem;

/**
 * The view an indicator URL asks for: a region (absent means every region) and an inclusive
 * range of years. Parsed strictly, so a permalink either means exactly one thing or is refused
 * with a 400 that says why.
 *
 * @param region a region code, or {@code null} for all regions
 * @param from   first year included, or {@code null}
 * @param to     last year included, or {@code null}
 */
public record Filter(String region, Integer from, Integer to) {

  public static final Filter NONE = new Filter(null, null, null);

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2100;

  /**
   * Reads {@code region}, {@code from} and {@code to} from query parameters. An empty value
   * counts as absent, because that is what the page's own filter form sends for "all".
   *
   * @param t the language the refusal is written in (the page's; English for JSON answers)
   * @throws HttpProblem 400 naming the parameter and what is wrong with it
   */
  public static Filter parse(Map<String, List<String>> query, Text t) {
    String region = single(query, "region", t);
    if (region != null && !Regions.isKnown(region)) {
      throw refused(t, t.t("filter.error.region", region, Regions.describe(t)));
    }
    Integer from = year(query, "from", t);
    Integer to = year(query, "to", t);
    if (from != null && to != null && from > to) {
      throw refused(t, t.t("filter.error.empty-range", from, to));
    }
    return new Filter(region, from, to);
  }

  private static HttpProblem refused(Text t, String message) {
    return HttpProblem.said(400, t.t("filter.error.title"), message);
  }

  private static String single(Map<String, List<String>> query, String name, Text t) {
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw refused(t, t.t("filter.error.repeated", name, values.size()));
    }
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).trim();
  }

  private static Integer year(Map<String, List<String>> query, String name, Text t) {
    String text = single(query, name, t);
    if (text == null) {
      return null;
    }
    if (!YEAR.matcher(text).matches()) {
      throw refused(t, t.t("filter.error.not-a-year", name, text));
    }
    int year = Integer.parseInt(text);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw refused(t, t.t("filter.error.year-range", name, MIN_YEAR, MAX_YEAR, year));
    }
    return year;
  }

  /** Region matches, and the whole period lies within the years asked for. */
  public boolean includes(Observation o) {
    return (region == null || region.equals(o.region()))
        && (from == null || o.period().startYear() >= from)
        && (to == null || o.period().last().getYear() <= to);
  }

  public boolean isEmpty() {
    return region == null && from == null && to == null;
  }

  /** The filter as a query string ("?region=CN&from=2020"), or "" when nothing is filtered. */
  public String query() {
    List<String> parts = new ArrayList<>();
    if (region != null) {
      parts.add("region=" + URLEncoder.encode(region, StandardCharsets.UTF_8));
    }
    if (from != null) {
      parts.add("from=" + from);
    }
    if (to != null) {
      parts.add("to=" + to);
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /** The filter's query with page {@code page} of its figures ("?region=CN&page=2"; none for 1). */
  public String query(int page) {
    String q = query();
    return page == 1 ? q : q + (q.isEmpty() ? "?" : "&") + "page=" + page;
  }

  /** The same years in another region (for the region links of a page). */
  public Filter withRegion(String other) {
    return new Filter(other, from, to);
  }

  /**
   * The view in words: "China (mainland), 2020–2025", "all regions, from 2020", "all regions,
   * all years"; "中国（大陆），2020–2025年", "全部地区，2020年起".
   */
  public String describe(Text t) {
    String where = region == null ? t.t("filter.all-regions") : t.region(region);
    String when;
    if (from == null && to == null) {
      when = t.t("filter.all-years");
    } else if (from == null) {
      when = t.t("filter.up-to", to);
    } else if (to == null) {
      when = t.t("filter.since", from);
    } else {
      when = from.equals(to) ? t.t("filter.year", from) : t.t("filter.years", from, to);
    }
    return t.t("filter.describe", where, when);
  }
}
