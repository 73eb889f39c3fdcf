package org.aimonitor.figures;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Histories;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Region;
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One indicator under one filter, read in the caller's transaction: the page's (or the API
 * answer's) share of its figures with their sources and histories, and what the page shows
 * about all of them (how many, which places, the headline series the chart draws, who published
 * them). The page, its CSV and its JSON all read through here, so they cannot disagree; none of
 * them reads more than it shows.
 *
 * @param snapshot     the rows read: this indicator, the shown figures, the sources they and
 *                     the chart cite, and the shown figures' histories
 * @param regions      the world and country regions with figures for the indicator, in their
 *                     order (regions.csv); provinces and cities are counted in {@code places}
 * @param places       how many provinces and cities have figures for the indicator
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
 */
public record IndicatorData(
    Snapshot snapshot,
    Indicator indicator,
    Filter filter,
    List<Region> regions,
    long places,
    String chartRegion,
    List<Observation> observations,
    List<Observation> chartSeries,
    long chartOmitted,
    long total,
    List<String> publishers,
    Names names,
    String next) {

  /** Figures per HTML page. */
  public static final int PAGE_SIZE = 100;
  /** A chart draws at most this many periods, the latest; from/to reach the earlier ones. */
  public static final int MAX_CHART_POINTS = 400;

  /**
   * Figures in page order: places in their order, oldest period first, headline first; every
   * key ascending, so the API's cursors can use it too. Queries join {@code region r}.
   */
  public static final Keyset PAGE_ORDER = new Keyset("r.id", "o.period_end", "o.period_start",
      "1 - o.headline", "o.id");

  private static final String COLUMNS =
      "o.id, o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note,"
          + " o.recorded_at, o.import_id";
  private static final String FROM = "observation o JOIN region r ON r.code = o.region";

  /** A figure as read, with its key in {@link #PAGE_ORDER} (for the API's cursor). */
  private record Row(Histories.Recorded recorded, List<Object> key) {

    Observation observation() {
      return recorded.observation();
    }
  }

  /**
   * The page {@code paging} of the view.
   *
   * @throws HttpProblem 404, said in {@code t}'s language, when there is no indicator {@code code}
   *                     or the page is past the end; 400 for a place that does not exist
   */
  public static IndicatorData page(Handle h, String code, Filter filter, Paging paging, Text t) {
    Indicator indicator = indicator(h, code, t);
    List<Region> asked = places(h, filter, t);
    long total = count(h, code, filter);
    paging.check(total, t);
    List<Row> rows = rows(h, code, filter, "1 = 1", null, paging.size(), paging.offset());
    List<Region> regions = regions(h, code);
    long places = places(h, code);
    String chartRegion = chartRegion(filter, regions);
    List<Observation> chart = new ArrayList<>();
    long omitted = chartSeries(h, code, filter, chartRegion, chart);
    return assemble(h, indicator, filter, regions, places, asked, chartRegion, rows, chart, omitted,
        total, null);
  }

  /**
   * Up to {@code limit} figures of the view after the API cursor {@code after} (null: from the
   * first), for the JSON answers; {@link #next} continues it.
   */
  public static IndicatorData apiPage(Handle h, String code, Filter filter, List<Object> after,
      int limit, Text t) {
    Indicator indicator = indicator(h, code, t);
    List<Region> asked = places(h, filter, t);
    List<Row> rows = rows(h, code, filter, PAGE_ORDER.condition(after), after, limit + 1, 0);
    boolean more = rows.size() > limit;
    List<Row> shown = more ? rows.subList(0, limit) : rows;
    return assemble(h, indicator, filter, List.of(), 0, asked, null, shown, List.of(), 0,
        count(h, code, filter), more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null);
  }

  /**
   * Checks the indicator and the places asked for exist, in the handle's transaction.
   *
   * @throws HttpProblem 404 in {@code t}'s language when there is no indicator {@code code},
   *                     400 for a place that does not exist
   */
  public static void require(Handle h, String code, Filter filter, Text t) {
    indicator(h, code, t);
    places(h, filter, t);
  }

  private static Indicator indicator(Handle h, String code, Text t) {
    return h.attach(DataStore.class).indicator(code).orElseThrow(() -> HttpProblem.said(404,
        t.t("indicator.error.not-found.title"), t.t("indicator.error.not-found", code)));
  }

  /** The places the filter asks for; a code that names no place is refused with 400. */
  static List<Region> places(Handle h, Filter filter, Text t) {
    if (filter.regions().isEmpty()) {
      return List.of();
    }
    DataStore store = h.attach(DataStore.class);
    Map<String, Region> known = new LinkedHashMap<>();
    store.regions(filter.regions()).forEach(r -> known.put(r.code(), r));
    for (String code : filter.regions()) {
      if (!known.containsKey(code)) {
        List<Region> some = h.createQuery("SELECT code, name_en, name_zh, parent, level FROM region"
                + " ORDER BY id LIMIT :n")
            .bind("n", Regions.LISTED + 1).mapTo(Region.class).list();
        throw Filter.refused(t, t.t("filter.error.region", code, Regions.describe(some, t)));
      }
    }
    return filter.regions().stream().map(known::get).toList();
  }

  private static IndicatorData assemble(Handle h, Indicator indicator, Filter filter,
      List<Region> regions, long places, List<Region> asked, String chartRegion, List<Row> rows,
      List<Observation> chart, long omitted, long total, String next) {
    Set<String> cited = new LinkedHashSet<>();
    rows.forEach(r -> cited.add(r.observation().source()));
    chart.forEach(o -> cited.add(o.source()));
    Map<String, History> histories = Histories.of(h, rows.stream().map(Row::recorded).toList());
    List<Observation> observations = rows.stream().map(Row::observation).toList();
    DataStore store = h.attach(DataStore.class);
    Snapshot slice = Snapshot.of(store.dataVersion(), List.of(indicator), store.sources(cited),
        observations, List.of(), histories);
    // The publishers of the figures shown (this page of the table, then the chart), in that order.
    Set<String> publishers = new LinkedHashSet<>();
    cited.forEach(id -> publishers.add(slice.source(id).publisher()));
    // The names of every place the page speaks of, and of the indicator's category.
    Set<String> shown = new LinkedHashSet<>();
    observations.forEach(o -> shown.add(o.region()));
    Names names = Names.read(h, shown, List.of(indicator.category()), List.of())
        .with(Names.ofRegions(regions)).with(Names.ofRegions(asked));
    return new IndicatorData(slice, indicator, filter, regions, places, chartRegion, observations,
        chart, omitted, total, List.copyOf(publishers), names, next);
  }

  /** The view's rows in SQL: the indicator, and the filter's places and whole years. */
  private static String where(Filter filter) {
    return "o.indicator = :code"
        + (filter.regions().isEmpty() ? "" : " AND o.region IN (<regions>)")
        + (filter.from() != null ? " AND o.period_start >= :fromMonth" : "")
        + (filter.to() != null ? " AND o.period_end <= :toMonth" : "");
  }

  private static Query bind(Query q, String code, Filter filter) {
    q.bind("code", code);
    if (!filter.regions().isEmpty()) {
      q.bindList("regions", filter.regions());
    }
    if (filter.from() != null) {
      q.bind("fromMonth", filter.from() * 12);
    }
    if (filter.to() != null) {
      q.bind("toMonth", filter.to() * 12 + 11);
    }
    return q;
  }

  private static long count(Handle h, String code, Filter filter) {
    return bind(h.createQuery("SELECT count(*) FROM observation o WHERE " + where(filter)), code, filter)
        .mapTo(Long.class).one();
  }

  private static List<Row> rows(Handle h, String code, Filter filter, String after,
      List<Object> cursor, int limit, long offset) {
    Query q = h.createQuery("SELECT " + COLUMNS + ", " + PAGE_ORDER.select()
        + " FROM " + FROM + " WHERE " + where(filter) + " AND " + after
        + " ORDER BY " + PAGE_ORDER.orderBy() + " LIMIT :limit OFFSET :offset");
    bind(q, code, filter).bind("limit", limit).bind("offset", offset);
    PAGE_ORDER.bind(q, cursor);
    int keys = PAGE_ORDER.keys().size();
    return q.map((rs, ctx) -> {
      List<Object> key = new ArrayList<>(keys);
      for (int i = 0; i < keys; i++) {
        key.add(rs.getObject("k" + i));
      }
      return new Row(Histories.read(rs, code), key);
    }).list();
  }

  /** Every figure of the view in page order, one at a time (the CSV twin streams them). */
  public static void forEach(Handle h, String code, Filter filter, Consumer<Observation> each) {
    bind(h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE " + where(filter)
        + " ORDER BY " + PAGE_ORDER.orderBy()), code, filter)
        .map((rs, ctx) -> observation(rs))
        .forEach(each);
  }

  static Observation observation(ResultSet rs) throws SQLException {
    return new Observation(rs.getString("indicator"), rs.getString("region"),
        Period.parse(rs.getString("period")), new BigDecimal(rs.getString("value")),
        Qualifier.parse(rs.getString("qualifier")), rs.getString("source"),
        rs.getInt("headline") == 1, rs.getString("note"));
  }

  /**
   * The world and country regions with figures for the indicator, in their order: a probe per
   * such region, however many provinces and cities there are.
   */
  private static List<Region> regions(Handle h, String code) {
    return h.createQuery("""
            SELECT r.code, r.name_en, r.name_zh, r.parent, r.level FROM region r
            WHERE r.level IN ('world', 'country')
              AND EXISTS (SELECT 1 FROM observation o WHERE o.indicator = :code AND o.region = r.code)
            ORDER BY r.id
            """)
        .bind("code", code).mapTo(Region.class).list();
  }

  /** How many provinces and cities have figures for the indicator. */
  private static long places(Handle h, String code) {
    return h.createQuery("""
            SELECT count(DISTINCT o.region) FROM observation o JOIN region r ON r.code = o.region
            WHERE o.indicator = :code AND r.level IN ('province', 'city')
            """)
        .bind("code", code).mapTo(Long.class).one();
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
  private static long chartSeries(Handle h, String code, Filter filter, String region,
      List<Observation> into) {
    if (region == null) {
      return 0;
    }
    Filter inRegion = filter.withRegion(region);
    List<Observation> newestFirst = bind(h.createQuery("SELECT " + COLUMNS
            + " FROM observation o WHERE " + where(inRegion) + " AND o.headline = 1"
            + " ORDER BY o.period_end DESC, o.period_start DESC LIMIT :limit"), code, inRegion)
        .bind("limit", MAX_CHART_POINTS + 1)
        .map((rs, ctx) -> observation(rs)).list();
    long omitted = 0;
    if (newestFirst.size() > MAX_CHART_POINTS) {
      omitted = bind(h.createQuery("SELECT count(*) FROM observation o WHERE " + where(inRegion)
          + " AND o.headline = 1"), code, inRegion).mapTo(Long.class).one() - MAX_CHART_POINTS;
      newestFirst = newestFirst.subList(0, MAX_CHART_POINTS);
    }
    List<Observation> series = new ArrayList<>(newestFirst);
    Collections.reverse(series);
    into.addAll(series);
    return omitted;
  }
}
