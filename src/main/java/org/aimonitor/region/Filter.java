package org.aimonitor.region;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.FigureFilter;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.QueryParams;
import org.jdbi.v3.core.Handle;

/**
 * The view an indicator URL asks for: the places (absent means every place; up to
 * {@link #MAX_REGIONS} are compared side by side) and an inclusive range of years. Parsed
 * strictly, so a permalink either means exactly one thing or is refused with a 400 that says
 * why. Whether the places exist is the database's to say ({@link #places}). Reads take it as
 * the {@link FigureFilter} of the figures it covers.
 *
 * @param regions region codes, in the order asked for; empty for all regions
 * @param from    first year included, or {@code null}
 * @param to      last year included, or {@code null}
 */
public record Filter(List<String> regions, Integer from, Integer to) implements FigureFilter {

  public static final Filter NONE = new Filter(List.of(), null, null);
  /** Places a view compares at most. */
  public static final int MAX_REGIONS = 5;
  /** Error messages list the known places when there are no more than this many. */
  static final int PLACES_LISTED = 30;

  /** The parameters it reads. */
  public static final QueryParams PARAMS = QueryParams.of("region", "from", "to");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern REGION = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,3}");
  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2100;

  /** One region (or all, when {@code region} is null) and a range of years. */
  public Filter(String region, Integer from, Integer to) {
    this(region == null ? List.of() : List.of(region), from, to);
  }

  /**
   * Reads {@code region} (one code, or several joined by commas), {@code from} and {@code to}
   * from query parameters. An empty value counts as absent, because that is what the page's own
   * filter form sends for "all".
   *
   * @param t the language the refusal is written in (the page's; English for JSON answers)
   * @throws HttpProblem 400 naming the parameter and what is wrong with it
   */
  public static Filter parse(Map<String, List<String>> query, Text t) {
    String regionText = PARAMS.single(query, "region", t);
    List<String> regions = new ArrayList<>();
    if (regionText != null) {
      for (String part : regionText.split(",", -1)) {
        String code = part.trim();
        if (!REGION.matcher(code).matches()) {
          throw refused(t, t.t("filter.error.not-a-region", code));
        }
        if (regions.contains(code)) {
          throw refused(t, t.t("filter.error.region-twice", code));
        }
        regions.add(code);
      }
      if (regions.size() > MAX_REGIONS) {
        throw refused(t, t.t("filter.error.too-many-regions", MAX_REGIONS, regions.size()));
      }
    }
    Integer from = year(query, "from", t);
    Integer to = year(query, "to", t);
    if (from != null && to != null && from > to) {
      throw refused(t, t.t("filter.error.empty-range", from, to));
    }
    return new Filter(List.copyOf(regions), from, to);
  }

  /** Reads the filter from the request (its route declares {@link #PARAMS}). */
  public static Filter parse(Context ctx, Text t) {
    return parse(PARAMS.in(ctx), t);
  }

  private static HttpProblem refused(Text t, String message) {
    return QueryParams.refused(t, message);
  }

  /**
   * The places the filter asks for, in its order, as the database knows them (in the handle's
   * transaction).
   *
   * @throws HttpProblem 400 in {@code t}'s language for a code that names no place, listing the
   *                     known places when there are no more than {@link #PLACES_LISTED}
   */
  public List<Region> places(Handle h, Text t) {
    if (regions.isEmpty()) {
      return List.of();
    }
    DataStore store = h.attach(DataStore.class);
    Map<String, Region> known = new LinkedHashMap<>();
    store.regions(regions).forEach(r -> known.put(r.code(), r));
    for (String code : regions) {
      if (!known.containsKey(code)) {
        throw refused(t, t.t("filter.error.region", code,
            describe(store.firstRegions(PLACES_LISTED + 1), t)));
      }
    }
    return regions.stream().map(known::get).toList();
  }

  /**
   * "CN (China (mainland)), CN-GC (Greater China), …", "CN（中国（大陆））、CN-GC（大中华区）、…";
   * a longer list than {@link #PLACES_LISTED} is not spelled out, the message points at /regions.
   */
  static String describe(List<Region> known, Text t) {
    if (known.size() > PLACES_LISTED) {
      return t.t("filter.regions-page");
    }
    return known.stream()
        .map(r -> t.t("filter.region-item", r.code(), t.zh() ? r.nameZh() : r.nameEn()))
        .collect(java.util.stream.Collectors.joining(t.t("filter.region-separator")));
  }

  private static Integer year(Map<String, List<String>> query, String name, Text t) {
    String text = PARAMS.single(query, name, t);
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

  /** The one place asked for, or {@code null} when all or several are. */
  public String region() {
    return regions.size() == 1 ? regions.get(0) : null;
  }

  /** Whether several places are set side by side. */
  public boolean compares() {
    return regions.size() > 1;
  }

  /** Place matches, and the whole period lies within the years asked for. */
  public boolean includes(Observation o) {
    return (regions.isEmpty() || regions.contains(o.region()))
        && (from == null || o.period().startYear() >= from)
        && (to == null || o.period().last().getYear() <= to);
  }

  public boolean isEmpty() {
    return regions.isEmpty() && from == null && to == null;
  }

  /** The places as the {@code region} parameter writes them ("CN-BJ,CN-SH"), or null. */
  public String regionParam() {
    return regions.isEmpty() ? null : String.join(",", regions);
  }

  /** The filter as a query string ("?region=CN&from=2020"), or "" when nothing is filtered. */
  public String query() {
    List<String> parts = new ArrayList<>();
    if (!regions.isEmpty()) {
      parts.add("region=" + regions.stream().map(r -> URLEncoder.encode(r, StandardCharsets.UTF_8))
          .collect(java.util.stream.Collectors.joining(",")));
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

  /** The same years in one other place, or in all places when {@code other} is null. */
  public Filter withRegion(String other) {
    return new Filter(other, from, to);
  }

  /** The same years in these places. */
  public Filter withRegions(List<String> others) {
    return new Filter(List.copyOf(others), from, to);
  }

  /**
   * The view in words: "China (mainland), 2020–2025", "Beijing, Shanghai, from 2020", "all
   * regions, all years"; "中国（大陆），2020–2025年", "全部地区，2020年起".
   */
  public String describe(Text t, Names names) {
    String where = regions.isEmpty() ? t.t("filter.all-regions")
        : regions.stream().map(r -> names.region(r, t))
            .collect(java.util.stream.Collectors.joining(t.t("list.separator")));
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
