package org.aimonitor.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.aimonitor.store.AsOf;
import org.aimonitor.store.FigureFilter;
import org.aimonitor.store.Histories;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What {@code /indicators}, an indicator page and their CSV, JSON and API twins read: the list
 * of indicators a page at a time with the figure that represents each, and one indicator's
 * figures under a filter. Each read costs the rows it returns, through an index in its order.
 */
@RegisterConstructorMapper(IndicatorQueries.Listed.class)
public interface IndicatorQueries {

  /**
   * Figures in page order: places in their order, oldest period first, headline first; every
   * key ascending, so the API's cursors can use it too.
   */
  Keyset FIGURE_ORDER = new Keyset("r.id", "o.period_end", "o.period_start", "1 - o.headline",
      "o.id");

  /**
   * Indicators category by category, in the categories' order, then by code: the categories
   * are read in id order and each one's indicators through indicator_by_category (a CROSS JOIN
   * keeps that loop order), so no page sorts every indicator.
   */
  Keyset LIST_ORDER = new Keyset("c.id", "i.code");

  /**
   * Indicators by the month their next release is expected, soonest first, those with none
   * last; the expression is the one index freshness_by_expected is built on.
   */
  Keyset RELEASE_ORDER = new Keyset("coalesce(f.expected, '9999-12')", "f.indicator");

  /** An indicator as a list reads it, with the figure that represents it, or null ({@link #LATEST}). */
  record Listed(@Nested Indicator indicator, @Nested("o") Histories.Recorded figure) {
  }

  /**
   * An indicator and the figure that represents it in lists ({@code null} when it has none),
   * with its key in its list's order; {@code places} counts the places with figures of an
   * indicator that has only regional ones (and so no single figure to show).
   */
  record Latest(Indicator indicator, Histories.Recorded recorded, List<Object> key, long places) {

    public Observation figure() {
      return recorded == null ? null : recorded.observation();
    }
  }

  /**
   * The figure that represents each indicator of a page {@code p} in a list: the latest headline
   * actual in China, else in the first world or country region with one; only when no actual
   * exists the latest forecast or target, which is then labelled as such wherever it is shown. A
   * province's or a city's figure never stands for an indicator. One aggregate in SQL: it reads
   * one figure per indicator listed.
   */
  String LATEST = """
      SELECT p.*, o.id AS o_id, o.indicator AS o_indicator, o.region AS o_region,
             o.period AS o_period, o.value AS o_value, o.qualifier AS o_qualifier,
             o.source AS o_source, o.headline AS o_headline, o.note AS o_note,
             o.break_before AS o_break_before, o.doubtful AS o_doubtful, o.note_zh AS o_note_zh,
             o.recorded_at AS o_recorded_at, o.import_id AS o_import_id
      FROM page p
      LEFT JOIN observation o ON o.id = (
        SELECT x.id FROM observation x
        WHERE x.indicator = p.code AND x.headline = 1 AND x.region = coalesce(
          (SELECT 'CN' WHERE EXISTS (SELECT 1 FROM observation y
            WHERE y.indicator = p.code AND y.region = 'CN' AND y.headline = 1)),
          (SELECT y.region FROM observation y JOIN region r ON r.code = y.region
            WHERE y.indicator = p.code AND y.headline = 1 AND r.level IN ('world', 'country')
            ORDER BY r.id LIMIT 1))
        ORDER BY x.qualifier IN ('forecast', 'target'), x.period_end DESC, x.period_start DESC
        LIMIT 1)
      ORDER BY p.k0, p.k1
      """;

  /** How many indicators there are. */
  @SqlQuery("SELECT count(*) FROM indicator")
  long count();

  /**
   * A page of indicators in {@link #LIST_ORDER} from {@code at} ({@code limit} of them, skipping
   * {@code offset}), each with the figure that represents it.
   */
  @SqlQuery("WITH page AS (SELECT " + Indicator.COLUMNS + ", <keys>" + """

        FROM category c CROSS JOIN indicator i ON i.category = c.code JOIN unit u ON u.code = i.unit
        WHERE <afterCursor> ORDER BY <keyOrder> LIMIT :limit OFFSET :offset)
      """ + LATEST)
  List<Keyset.Keyed<Listed>> byCategory(@Keyset.Bind Keyset.Position at, @Bind("limit") int limit,
      @Bind("offset") long offset);

  /**
   * Narrows the list by release to the indicators overdue on {@code :day}: expected before
   * {@code :month} (the day's), which keeps the read on the index's first rows.
   */
  String OVERDUE = """
      AND f.overdue_after < :day AND coalesce(f.expected, '9999-12') < :month
      """;

  /**
   * A page of indicators in {@link #RELEASE_ORDER}, each with the figure that represents it;
   * {@code <overdue>} is {@link #OVERDUE} or nothing.
   */
  @SqlQuery("WITH page AS (SELECT " + Indicator.COLUMNS + ", <keys>" + """

        FROM freshness f CROSS JOIN indicator i ON i.code = f.indicator
          JOIN category c ON c.code = i.category JOIN unit u ON u.code = i.unit
        WHERE <afterCursor> <overdue>
        ORDER BY <keyOrder> LIMIT :limit OFFSET :offset)
      """ + LATEST)
  @AllowUnusedBindings
  List<Keyset.Keyed<Listed>> byRelease(@Define("overdue") String overdue, @Bind("day") String day,
      @Bind("month") String month, @Keyset.Bind Keyset.Position at, @Bind("limit") int limit,
      @Bind("offset") long offset);

  /** How many places each of these indicators has headline figures for. */
  @SqlQuery("""
      SELECT indicator, count(DISTINCT region) AS places FROM observation
      WHERE indicator IN (<codes>) AND headline = 1 GROUP BY indicator
      """)
  @KeyColumn("indicator")
  @ValueColumn("places")
  Map<String, Long> places(@BindList("codes") Collection<String> indicators);

  /** A page of the list in category order, each indicator with its figure (or its places). */
  default List<Latest> inCategoryOrder(Keyset.Position at, int limit, long offset) {
    return latest(byCategory(at, limit, offset));
  }

  /** A page of the list by next release; with {@code overdueOn}, of the indicators overdue that day. */
  default List<Latest> inReleaseOrder(LocalDate overdueOn, int limit, long offset) {
    return latest(overdueOn == null
        ? byRelease("", null, null, RELEASE_ORDER.first(), limit, offset)
        : byRelease(OVERDUE, overdueOn.toString(), YearMonth.from(overdueOn).toString(),
            RELEASE_ORDER.first(), limit, offset));
  }

  /** The listed indicators with, for those without a figure to show, their places. */
  private List<Latest> latest(List<Keyset.Keyed<Listed>> page) {
    List<String> regionalOnly = page.stream().filter(k -> k.row().figure() == null)
        .map(k -> k.row().indicator().code()).toList();
    Map<String, Long> places = regionalOnly.isEmpty() ? Map.of() : places(regionalOnly);
    return page.stream().map(k -> new Latest(k.row().indicator(), k.row().figure(), k.key(),
        k.row().figure() != null ? 0 : places.getOrDefault(k.row().indicator().code(), 0L)))
        .toList();
  }

  /** How many figures of indicator {@code code} the filter covers. */
  @SqlQuery("SELECT count(*) FROM observation o WHERE o.indicator = :code <figureFilter>")
  long figureCount(@Bind("code") String code, @FigureFilter.Bind FigureFilter filter);

  /**
   * Up to {@code limit} figures of indicator {@code code} that the filter covers, in
   * {@link #FIGURE_ORDER} from {@code at}, skipping {@code offset} (HTML pages number their pages).
   */
  @SqlQuery("""
      SELECT o.id, o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline,
             o.note, o.break_before, o.doubtful, o.note_zh, o.recorded_at, o.import_id, <keys>
      FROM observation o JOIN region r ON r.code = o.region
      WHERE o.indicator = :code <figureFilter> AND <afterCursor>
      ORDER BY <keyOrder> LIMIT :limit OFFSET :offset
      """)
  List<Keyset.Keyed<Histories.Recorded>> figures(@Bind("code") String code,
      @FigureFilter.Bind FigureFilter filter, @Keyset.Bind Keyset.Position at,
      @Bind("limit") int limit, @Bind("offset") long offset);

  /** Every figure of indicator {@code code} that the filter covers, in page order, read as it is used. */
  default ResultIterable<Observation> allFigures(String code, FigureFilter filter) {
    return allFigures(code, filter, FIGURE_ORDER.first());
  }

  @SqlQuery("""
      SELECT o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note,
             o.break_before, o.doubtful, o.note_zh
      FROM observation o JOIN region r ON r.code = o.region
      WHERE o.indicator = :code <figureFilter>
      ORDER BY <keyOrder>
      """)
  ResultIterable<Observation> allFigures(@Bind("code") String code,
      @FigureFilter.Bind FigureFilter filter, @Keyset.Bind Keyset.Position order);

  // vintage: the same reads as they stood at a vintage (AsOf), each one query, the state of
  // every figure read joined from its revisions through revision_by_observation.

  /**
   * How many figures of indicator {@code code} the filter covers at vintage {@code at}: those
   * published by then (imports never delete one).
   */
  @SqlQuery("SELECT count(*) FROM observation o WHERE o.indicator = :code <figureFilter> AND "
      + AsOf.EXISTED)
  @AllowUnusedBindings
  long vintageCount(@Bind("code") String code, @FigureFilter.Bind FigureFilter filter,
      @AsOf.Bind AsOf at);

  /**
   * {@link #figures} at vintage {@code at}, in the same order ({@link #FIGURE_ORDER}, so API
   * cursors read alike): the page's figures are chosen among those published by then, and only
   * they are joined to their state then.
   */
  @SqlQuery("SELECT " + AsOf.COLUMNS + ", p.k0, p.k1, p.k2, p.k3, p.k4"
      + " FROM (SELECT o.id AS oid, <keys> FROM observation o JOIN region r ON r.code = o.region"
      + " WHERE o.indicator = :code <figureFilter> AND " + AsOf.EXISTED + " AND <afterCursor>"
      + " ORDER BY <keyOrder> LIMIT :limit OFFSET :offset) p"
      + " JOIN observation o ON o.id = p.oid" + AsOf.JOIN
      + " ORDER BY p.k0, p.k1, p.k2, p.k3, p.k4")
  List<Keyset.Keyed<Histories.Recorded>> vintageFigures(@Bind("code") String code,
      @FigureFilter.Bind FigureFilter filter, @AsOf.Bind AsOf at,
      @Keyset.Bind Keyset.Position from, @Bind("limit") int limit, @Bind("offset") long offset);

  /** {@link #allFigures} at vintage {@code at}: every figure of the view then, read as used. */
  default ResultIterable<Observation> allVintageFigures(String code, FigureFilter filter, AsOf at) {
    return allVintageFigures(code, filter, at, FIGURE_ORDER.first());
  }

  @SqlQuery("SELECT " + AsOf.COLUMNS
      + " FROM observation o JOIN region r ON r.code = o.region" + AsOf.JOIN
      + " WHERE o.indicator = :code <figureFilter> AND " + AsOf.STOOD + " ORDER BY <keyOrder>")
  ResultIterable<Observation> allVintageFigures(@Bind("code") String code,
      @FigureFilter.Bind FigureFilter filter, @AsOf.Bind AsOf at,
      @Keyset.Bind Keyset.Position order);

  /**
   * The chart's series at vintage {@code at}: the latest {@code limit} figures that were
   * headlines then in the place the filter names, newest first, along
   * {@code observation_by_series} (a headline flag can be revised, so not the headline index).
   */
  @SqlQuery("SELECT " + AsOf.COLUMNS + " FROM observation o" + AsOf.JOIN
      + " WHERE o.indicator = :code <figureFilter> AND " + AsOf.STOOD + " AND " + AsOf.HEADLINE
      + " = 1 ORDER BY o.period_end DESC, o.period_start DESC LIMIT :limit")
  List<Observation> vintageHeadlines(@Bind("code") String code,
      @FigureFilter.Bind FigureFilter filter, @AsOf.Bind AsOf at, @Bind("limit") int limit);

  /** How many figures {@link #vintageHeadlines} chooses from. */
  @SqlQuery("SELECT count(*) FROM observation o" + AsOf.JOIN
      + " WHERE o.indicator = :code <figureFilter> AND " + AsOf.STOOD + " AND " + AsOf.HEADLINE
      + " = 1")
  long vintageHeadlineCount(@Bind("code") String code, @FigureFilter.Bind FigureFilter filter,
      @AsOf.Bind AsOf at);

  /**
   * Up to {@code limit} places at any level with figures for the indicator, by level from the
   * top (world, countries, provinces, cities), then in their order (regions.csv): the indicator
   * page's region chooser. The places are found by jumping from one to the next along
   * {@code observation_by_series} (one index seek per place), so the chooser costs the places
   * it offers, never the indicator's figures nor every known place.
   */
  @SqlQuery("""
      WITH RECURSIVE place(code) AS (
        SELECT min(o.region) FROM observation o WHERE o.indicator = :code
        UNION ALL
        SELECT (SELECT min(o.region) FROM observation o
                WHERE o.indicator = :code AND o.region > place.code)
        FROM place WHERE place.code IS NOT NULL
        LIMIT :limit + 1)
      SELECT r.code, r.name_en, r.name_zh, r.parent, r.level
      FROM place JOIN region r ON r.code = place.code
      ORDER BY <levelRank>, r.id
      LIMIT :limit
      """)
  List<Region> placesWithFigures(@Bind("code") String code, @Bind("limit") int limit);

  /** How many provinces and cities have figures for the indicator. */
  @SqlQuery("""
      SELECT count(DISTINCT o.region) FROM observation o JOIN region r ON r.code = o.region
      WHERE o.indicator = :code AND r.level IN ('province', 'city')
      """)
  long subnationalPlaces(@Bind("code") String code);
}
