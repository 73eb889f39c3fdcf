package org.aimonitor.indicator;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Histories;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One indicator under one filter, read in the caller's transaction: the page's (or the API
 * answer's) share of its figures with their sources and histories, and what the page shows
 * about all of them (how many, which regions, the headline series the chart draws, who
 * published them). The page, its CSV and its JSON all read through here, so they cannot
 * disagree; none of them reads more than it shows.
 *
 * @param snapshot     the rows read: this indicator, the shown figures, the sources they and
 *                     the chart cite, and the shown figures' histories
 * @param regions      regions with any figure for the indicator, in vocabulary order
 * @param chartRegion  the region the chart draws: the filtered one, else China, else the first
 *                     region with data; {@code null} when the indicator has no figures at all
 * @param observations the shown figures, by region, period, headline first
 * @param chartSeries  the headline series in the chart region within the years asked for,
 *                     oldest first: its latest {@link #MAX_CHART_POINTS} periods at most
 * @param chartOmitted headline figures older than the chart's first, left out of it
 * @param total        figures in the view (all pages)
 * @param publishers   the publishers of the figures shown (this page of the table, then the
 *                     chart), in that order
 * @param next         the API cursor of the figures after these, or {@code null} when none
 *                     follow (HTML pages number their pages instead)
 */
public record IndicatorData(
    Snapshot snapshot,
    Indicator indicator,
    Filter filter,
    List<String> regions,
    String chartRegion,
    List<Observation> observations,
    List<Observation> chartSeries,
    long chartOmitted,
    long total,
    List<String> publishers,
    String next) {

  /** Figures per HTML page. */
  public static final int PAGE_SIZE = 100;
  /** A chart draws at most this many periods, the latest; from/to reach the earlier ones. */
  public static final int MAX_CHART_POINTS = 400;
  /**
   * Figures in page order: region as in the vocabulary, oldest period first, headline first;
   * every key ascending, so the API's cursors can use it too.
   */
  public static final Keyset PAGE_ORDER = new Keyset(Regions.orderSql("o.region"), "o.region",
      "o.period_end", "o.period_start", "1 - o.headline", "o.id");

  private static final String COLUMNS =
      "o.id, o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note,"
          + " o.recorded_at, o.import_id";

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
   *                     or the page is past the end
   */
  public static IndicatorData page(Handle h, String code, Filter filter, Paging paging, Text t) {
    Indicator indicator = indicator(h, code, t);
    long total = count(h, code, filter);
    paging.check(total, t);
    List<Row> rows = rows(h, code, filter, "1 = 1", null, paging.size(), paging.offset());
    List<String> regions = regions(h, code);
    String chartRegion = chartRegion(filter, regions);
    List<Observation> chart = new ArrayList<>();
    long omitted = chartSeries(h, code, filter, chartRegion, chart);
    return assemble(h, indicator, filter, regions, chartRegion, rows, chart, omitted, total, null);
  }

  /**
   * Up to {@code limit} figures of the view after the API cursor {@code after} (null: from the
   * first), for the JSON answers; {@link #nextCursor} continues it.
   */
  public static IndicatorData apiPage(Handle h, String code, Filter filter, List<Object> after,
      int limit, Text t) {
    Indicator indicator = indicator(h, code, t);
    List<Row> rows = rows(h, code, filter, PAGE_ORDER.after(after), after, limit + 1, 0);
    boolean more = rows.size() > limit;
    List<Row> shown = more ? rows.subList(0, limit) : rows;
    return assemble(h, indicator, filter, List.of(), null, shown, List.of(), 0,
        count(h, code, filter), more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null);
  }

  /** @throws HttpProblem 404 in {@code t}'s language when there is no indicator {@code code} */
  public static void requireIndicator(Handle h, String code, Text t) {
    indicator(h, code, t);
  }

  private static Indicator indicator(Handle h, String code, Text t) {
    return h.attach(DataStore.class).indicator(code).orElseThrow(() -> HttpProblem.said(404,
        t.t("indicator.error.not-found.title"), t.t("indicator.error.not-found", code)));
  }

  private static IndicatorData assemble(Handle h, Indicator indicator, Filter filter,
      List<String> regions, String chartRegion, List<Row> rows, List<Observation> chart,
      long omitted, long total, String next) {
    Set<String> cited = new LinkedHashSet<>();
    rows.forEach(r -> cited.add(r.observation().source()));
    chart.forEach(o -> cited.add(o.source()));
    Map<String, History> histories = Histories.of(h, rows.stream().map(Row::recorded).toList());
    List<Observation> observations = rows.stream().map(Row::observation).toList();
    List<org.aimonitor.store.Source> sources = h.attach(DataStore.class).sources(cited);
    Snapshot slice = Snapshot.of(h.attach(DataStore.class).dataVersion(), List.of(indicator),
        sources, observations, List.of(), histories);
    // The publishers of the figures shown (this page of the table, then the chart), in that order.
    Set<String> publishers = new LinkedHashSet<>();
    cited.forEach(id -> publishers.add(slice.source(id).publisher()));
    return new IndicatorData(slice, indicator, filter, regions, chartRegion, observations, chart,
        omitted, total, List.copyOf(publishers), next);
  }

  /** The view's rows in SQL: the indicator, and the filter's region and whole years. */
  private static String where(Filter filter) {
    return "o.indicator = :code"
        + (filter.region() != null ? " AND o.region = :region" : "")
        + (filter.from() != null ? " AND o.period_start >= :fromMonth" : "")
        + (filter.to() != null ? " AND o.period_end <= :toMonth" : "");
  }

  private static Query bind(Query q, String code, Filter filter) {
    q.bind("code", code);
    if (filter.region() != null) {
      q.bind("region", filter.region());
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
        + " FROM observation o WHERE " + where(filter) + " AND " + after
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
    bind(h.createQuery("SELECT " + COLUMNS + " FROM observation o WHERE " + where(filter)
        + " ORDER BY " + PAGE_ORDER.orderBy()), code, filter)
        .map((rs, ctx) -> observation(rs))
        .forEach(each);
  }

  private static Observation observation(ResultSet rs) throws SQLException {
    return new Observation(rs.getString("indicator"), rs.getString("region"),
        Period.parse(rs.getString("period")), new BigDecimal(rs.getString("value")),
        Qualifier.parse(rs.getString("qualifier")), rs.getString("source"),
        rs.getInt("headline") == 1, rs.getString("note"));
  }

  private static List<String> regions(Handle h, String code) {
    List<String> regions = new ArrayList<>(h.createQuery(
            "SELECT DISTINCT region FROM observation WHERE indicator = :code")
        .bind("code", code).mapTo(String.class).list());
    regions.sort(java.util.Comparator.comparingInt(Regions::order).thenComparing(r -> r));
    return regions;
  }

  private static String chartRegion(Filter filter, List<String> regions) {
    return filter.region() != null ? filter.region()
        : regions.contains("CN") ? "CN"
        : regions.isEmpty() ? null : regions.get(0);
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
