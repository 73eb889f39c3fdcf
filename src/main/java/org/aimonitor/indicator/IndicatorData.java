package org.aimonitor.indicator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.aimonitor.i18n.Names;
import org.aimonitor.region.Filter;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.AsOf;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Histories;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.aimonitor.store.ViewRows;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * One indicator under one filter, read in the caller's transaction: the page's (or the API
 * answer's) share of its figures with their sources and histories, and what the page shows
 * about all of them (how many, which places, the headline series the chart draws, who published
 * them). The page, its CSV and its JSON all read through here, so they cannot disagree; none of
 * them reads more than it shows.
 *
 * @param rows         the rows read: this indicator, the shown figures, the sources they and
 *                     the chart cite, and the shown figures' histories
 * @param regions      the world and country regions with figures for the indicator, in their
 *                     order (regions.csv); provinces and cities are counted in {@code places}
 * @param places       how many provinces and cities have figures for the indicator
 * @param choices      the places at every level with figures for the indicator, by level and
 *                     in their order, the first {@link #MAX_CHOICES} (the region chooser's);
 *                     empty for the API, which offers no chooser
 * @param chartRegion  the place the chart draws: the one asked for, else China, else the first
 *                     world or country region with figures; {@code null} when there is none
 *                     (no figures, or figures for provinces and cities only)
 * @param observations the shown figures, by place, period, headline first
 * @param chartSeries  the headline series in the chart's place within the years asked for,
 *                     oldest first: its latest {@link #MAX_CHART_POINTS} periods at most
 * @param chartOmitted headline figures older than the chart's first, left out of it
 * @param total        figures in the view (all pages)
 * @param publishers   the publishers of the figures shown (this page of the table, then the
 *                     chart), in that order
 * @param names        the names of the places and the category the page shows
 * @param next         the API cursor of the figures after these, or {@code null} when none
 *                     follow (HTML pages number their pages instead)
 * @param asOf         the vintage the figures are read at ({@link AsOf#TODAY} for today's):
 *                     figures, counts, chart and histories all as they stood then
 */
public record IndicatorData(
    ViewRows rows,
    Indicator indicator,
    Filter filter,
    List<Region> regions,
    long places,
    List<Region> choices,
    String chartRegion,
    List<Observation> observations,
    List<Observation> chartSeries,
    long chartOmitted,
    long total,
    List<String> publishers,
    Names names,
    String next,
    AsOf asOf) {

  /** Today's data. */
  public IndicatorData(ViewRows rows, Indicator indicator, Filter filter, List<Region> regions,
      long places, List<Region> choices, String chartRegion, List<Observation> observations,
      List<Observation> chartSeries, long chartOmitted, long total, List<String> publishers,
      Names names, String next) {
    this(rows, indicator, filter, regions, places, choices, chartRegion, observations,
        chartSeries, chartOmitted, total, publishers, names, next, AsOf.TODAY);
  }

  /** Figures per HTML page. */
  public static final int PAGE_SIZE = 100;
  /** A chart draws at most this many periods, the latest; from/to reach the earlier ones. */
  public static final int MAX_CHART_POINTS = 400;
  /** The region chooser offers this many places at most; the others are reached by code. */
  public static final int MAX_CHOICES = 500;

  /**
   * The page {@code paging} of the view.
   *
   * @throws HttpProblem 404, said in {@code t}'s language, when there is no indicator {@code code}
   *                     or the page is past the end; 400 for a place that does not exist
   */
  public static IndicatorData page(Handle h, String code, Filter filter, Paging paging, Text t) {
    return page(h, code, filter, paging, AsOf.TODAY, t);
  }

  /** The page {@code paging} of the view as it stood at vintage {@code asOf}. */
  public static IndicatorData page(Handle h, String code, Filter filter, Paging paging, AsOf asOf,
      Text t) {
    IndicatorQueries queries = h.attach(IndicatorQueries.class);
    Indicator indicator = indicator(h, code, t);
    List<Region> asked = filter.places(h, t);
    long total = count(queries, code, filter, asOf);
    paging.check(total, t);
    List<Keyset.Keyed<Histories.Recorded>> rows = asOf.any()
        ? queries.vintageFigures(code, filter, asOf, IndicatorQueries.FIGURE_ORDER.first(),
            paging.size(), paging.offset())
        : queries.figures(code, filter, IndicatorQueries.FIGURE_ORDER.first(), paging.size(),
            paging.offset());
    List<Region> choices = queries.placesWithFigures(code, MAX_CHOICES);
    List<Region> regions = choices.stream().filter(r -> !r.isSubnational()).toList();
    long places = queries.subnationalPlaces(code);
    String chartRegion = chartRegion(filter, regions);
    List<Observation> chart = new ArrayList<>();
    long omitted = chartSeries(h, code, filter, chartRegion, asOf, chart);
    return assemble(h, indicator, filter, regions, places, choices, asked, chartRegion, rows,
        chart, omitted, total, null, asOf);
  }

  /**
   * Up to {@code limit} figures of the view after the API cursor {@code after} (null: from the
   * first), for the JSON answers; {@link #next} continues it.
   */
  public static IndicatorData apiPage(Handle h, String code, Filter filter, List<Object> after,
      int limit, Text t) {
    return apiPage(h, code, filter, after, limit, AsOf.TODAY, t);
  }

  /** As {@link #apiPage(Handle, String, Filter, List, int, Text)}, at vintage {@code asOf}. */
  public static IndicatorData apiPage(Handle h, String code, Filter filter, List<Object> after,
      int limit, AsOf asOf, Text t) {
    IndicatorQueries queries = h.attach(IndicatorQueries.class);
    Indicator indicator = indicator(h, code, t);
    List<Region> asked = filter.places(h, t);
    List<Keyset.Keyed<Histories.Recorded>> rows = asOf.any()
        ? queries.vintageFigures(code, filter, asOf, IndicatorQueries.FIGURE_ORDER.after(after),
            limit + 1, 0)
        : queries.figures(code, filter, IndicatorQueries.FIGURE_ORDER.after(after), limit + 1, 0);
    boolean more = rows.size() > limit;
    List<Keyset.Keyed<Histories.Recorded>> shown = more ? rows.subList(0, limit) : rows;
    return assemble(h, indicator, filter, List.of(), 0, List.of(), asked, null, shown, List.of(), 0,
        count(queries, code, filter, asOf),
        more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null, asOf);
  }

  /**
   * How many figures the view has at vintage {@code asOf}: as first published, every figure
   * there is (imports never delete one), so today's count through its covering index.
   */
  private static long count(IndicatorQueries queries, String code, Filter filter, AsOf asOf) {
    return asOf.any() && !asOf.first() ? queries.vintageCount(code, filter, asOf)
        : queries.figureCount(code, filter);
  }

  /**
   * Checks the indicator and the places asked for exist, in the handle's transaction.
   *
   * @throws HttpProblem 404 in {@code t}'s language when there is no indicator {@code code},
   *                     400 for a place that does not exist
   */
  public static void require(Handle h, String code, Filter filter, Text t) {
    indicator(h, code, t);
    filter.places(h, t);
  }

  private static Indicator indicator(Handle h, String code, Text t) {
    return h.attach(DataStore.class).indicator(code).orElseThrow(() -> HttpProblem.said(404,
        t.t("indicator.error.not-found.title"), t.t("indicator.error.not-found", code)));
  }

  private static IndicatorData assemble(Handle h, Indicator indicator, Filter filter,
      List<Region> regions, long places, List<Region> choices, List<Region> asked,
      String chartRegion,
      List<Keyset.Keyed<Histories.Recorded>> rows, List<Observation> chart, long omitted,
      long total, String next, AsOf asOf) {
    List<Histories.Recorded> recorded = rows.stream().map(Keyset.Keyed::row).toList();
    Set<String> cited = new LinkedHashSet<>();
    recorded.forEach(r -> cited.add(r.observation().source()));
    chart.forEach(o -> cited.add(o.source()));
    Map<String, History> histories = thenKnown(Histories.of(h, recorded), asOf);
    List<Observation> observations = recorded.stream().map(Histories.Recorded::observation).toList();
    DataStore store = h.attach(DataStore.class);
    ViewRows read = ViewRows.of(store.dataVersion(), List.of(indicator), store.sources(cited),
        observations, List.of(), histories);
    // The publishers of the figures shown (this page of the table, then the chart), in that order.
    Set<String> publishers = new LinkedHashSet<>();
    cited.forEach(id -> publishers.add(read.source(id).publisher()));
    // The names of every place the page speaks of, and of the indicator's category.
    Set<String> shown = new LinkedHashSet<>();
    observations.forEach(o -> shown.add(o.region()));
    Names names = Names.read(h, shown, List.of(indicator.category()), List.of())
        .with(Names.ofRegions(choices)).with(Names.ofRegions(asked));
    return new IndicatorData(read, indicator, filter, regions, places, choices, chartRegion,
        observations,
        chart, omitted, total, List.copyOf(publishers), names, next, asOf);
  }

  /**
   * The histories as they were known at vintage {@code asOf}: the revisions that had happened
   * by then (none for the first publication); the later ones are undone.
   */
  private static Map<String, History> thenKnown(Map<String, History> histories, AsOf asOf) {
    if (!asOf.any()) {
      return histories;
    }
    Map<String, History> then = new java.util.HashMap<>();
    histories.forEach((key, hist) -> then.put(key, new History(hist.recordedAt(), hist.importId(),
        hist.previous().stream().filter(r -> asOf.hadHappened(r.replacedAt())).toList(),
        hist.id())));
    return then;
  }

  /** Every figure of the view in page order, one at a time (the CSV twin streams them). */
  public static void forEach(Handle h, String code, Filter filter, Consumer<Observation> each) {
    forEach(h, code, filter, AsOf.TODAY, each);
  }

  /** Every figure of the view as it stood at vintage {@code asOf}, in page order, one at a time. */
  public static void forEach(Handle h, String code, Filter filter, AsOf asOf,
      Consumer<Observation> each) {
    IndicatorQueries queries = h.attach(IndicatorQueries.class);
    (asOf.any() ? queries.allVintageFigures(code, filter, asOf) : queries.allFigures(code, filter))
        .forEach(each);
  }

  /**
   * The place a single-place chart draws: the one asked for; else China, else the first world
   * or country region with figures. A province's or a city's figures never stand for the
   * indicator; pages set places side by side instead.
   */
  private static String chartRegion(Filter filter, List<Region> regions) {
    if (filter.region() != null) {
      return filter.region();
    }
    if (filter.compares()) {
      return null;
    }
    if (regions.stream().anyMatch(r -> r.code().equals("CN"))) {
      return "CN";
    }
    return regions.stream().filter(r -> !r.isSubnational()).map(Region::code).findFirst()
        .orElse(null);
  }

  /** Fills {@code into} with the chart's series; returns how many older figures it leaves out. */
  private static long chartSeries(Handle h, String code, Filter filter, String region, AsOf asOf,
      List<Observation> into) {
    if (region == null) {
      return 0;
    }
    DataStore store = h.attach(DataStore.class);
    IndicatorQueries queries = h.attach(IndicatorQueries.class);
    Filter inRegion = filter.withRegion(region);
    // A vintage's chart draws the vintage's figures: a picture never says more than the table.
    List<Observation> newestFirst = asOf.any()
        ? queries.vintageHeadlines(code, inRegion, asOf, MAX_CHART_POINTS + 1)
        : store.latestHeadlines(code, inRegion, MAX_CHART_POINTS + 1);
    long omitted = 0;
    if (newestFirst.size() > MAX_CHART_POINTS) {
      omitted = (asOf.any() ? queries.vintageHeadlineCount(code, inRegion, asOf)
          : store.headlineCount(code, inRegion)) - MAX_CHART_POINTS;
      newestFirst = newestFirst.subList(0, MAX_CHART_POINTS);
    }
    List<Observation> series = new ArrayList<>(newestFirst);
    Collections.reverse(series);
    into.addAll(series);
    return omitted;
  }
}
