package org.aimonitor.region;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aimonitor.store.Histories;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Period;
import org.aimonitor.store.Region;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the place pages, {@code /api/v1/regions}, rankings and the overview's places card read:
 * a page of places with their counts, one place, a few of its children, its indicators and a
 * page of its figures; one indicator's provinces and cities in one period. Counts go through
 * {@code observation_by_region} and rankings through {@code observation_by_period}, so a place
 * costs what it holds and a ranking the places of its period, never what the database holds.
 *
 * <p>A {@link PlaceFilter}'s level and parent are conditions only when it names them: the
 * default methods put {@link #OF_LEVEL} and {@link #WITHIN_PARENT} into {@code <ofLevel>} and
 * {@code <withinParent>}, or nothing, and bind both values (unused ones are allowed).
 */
@RegisterConstructorMapper(RegionQueries.Counted.class)
@RegisterConstructorMapper(RegionQueries.IndicatorFigures.class)
@RegisterConstructorMapper(Ranking.Ranked.class)
@RegisterConstructorMapper(Ranking.Placed.class)
@RegisterConstructorMapper(Ranking.PeriodCount.class)
@RegisterConstructorMapper(RegionQueries.Latest.class)
public interface RegionQueries {

  /** Places in the API's order: as regions.csv lists them (the region table's ids). */
  Keyset API_ORDER = new Keyset("r.id");

  /**
   * A place's figures in page order: indicators by category and code, then periods oldest first,
   * the headline first; every key ascending, so the API's cursor can use it too.
   */
  Keyset FIGURE_ORDER = new Keyset("c.id", "o.indicator", "o.period_end", "o.period_start",
      "1 - o.headline", "o.id");

  /** A place, its key in {@link #API_ORDER}, and how much it holds. */
  record Counted(long id, @Nested Region region, long figures, long indicators, long children) {
  }

  /** One of a place's indicators and how many figures it has there. */
  record IndicatorFigures(String indicator, long figures) {
  }

  /** A place's latest figure as the places card reads it, with the place's order (regions.csv). */
  record Latest(@Nested Ranking.Placed placed, long placeOrder) {
  }

  String HAS_FIGURES = "EXISTS (SELECT 1 FROM observation o WHERE o.region = r.code)";
  String OF_LEVEL = "AND r.level = :level";
  String WITHIN_PARENT = "AND r.parent = :parent";

  /** A place's counts; children are counted only when they have figures of their own. */
  String COUNTS = """
      r.id, r.code, r.name_en, r.name_zh, r.parent, r.level,
      (SELECT count(*) FROM observation o WHERE o.region = r.code) AS figures,
      (SELECT count(DISTINCT o.indicator) FROM observation o WHERE o.region = r.code) AS indicators,
      (SELECT count(*) FROM region c WHERE c.parent = r.code
        AND EXISTS (SELECT 1 FROM observation x WHERE x.region = c.code)) AS children
      """;

  /** A place's counts, every child place counted (the API's). */
  String COUNTS_ALL_CHILDREN = """
      r.id, r.code, r.name_en, r.name_zh, r.parent, r.level,
      (SELECT count(*) FROM observation o WHERE o.region = r.code) AS figures,
      (SELECT count(DISTINCT o.indicator) FROM observation o WHERE o.region = r.code) AS indicators,
      (SELECT count(*) FROM region c WHERE c.parent = r.code) AS children
      """;

  private static String ofLevel(PlaceFilter filter) {
    return filter.level() == null ? "" : OF_LEVEL;
  }

  private static String withinParent(PlaceFilter filter) {
    return filter.parent() == null ? "" : WITHIN_PARENT;
  }

  /** How many places with figures there are at each level, within the filter's parent. */
  default Map<String, Long> levelCounts(PlaceFilter filter) {
    return levelCounts(filter.parent(), withinParent(filter));
  }

  @SqlQuery("SELECT r.level, count(*) AS places FROM region r WHERE " + HAS_FIGURES
      + " <withinParent> GROUP BY r.level")
  @KeyColumn("level")
  @ValueColumn("places")
  @AllowUnusedBindings
  Map<String, Long> levelCounts(@Bind("parent") String parent,
      @Define("withinParent") String withinParent);

  /**
   * A page of the places with figures under {@code filter}, by level from the top and then in
   * their order, each with its counts.
   */
  default List<Counted> withFigures(PlaceFilter filter, int limit, long offset) {
    return withFigures(filter.level(), filter.parent(), ofLevel(filter), withinParent(filter),
        limit, offset);
  }

  @SqlQuery("SELECT " + COUNTS + " FROM region r WHERE " + HAS_FIGURES + """
       <ofLevel> <withinParent>
      ORDER BY <levelRank>, r.id
      LIMIT :limit OFFSET :offset
      """)
  @AllowUnusedBindings
  List<Counted> withFigures(@Bind("level") String level, @Bind("parent") String parent,
      @Define("ofLevel") String ofLevel, @Define("withinParent") String withinParent,
      @Bind("limit") int limit, @Bind("offset") long offset);

  /** Up to {@code limit} known places under {@code filter} in {@link #API_ORDER} from {@code at}. */
  default List<Counted> apiPage(PlaceFilter filter, Keyset.Position at, int limit) {
    return apiPage(filter.level(), filter.parent(), ofLevel(filter), withinParent(filter), at,
        limit);
  }

  @SqlQuery("SELECT " + COUNTS_ALL_CHILDREN + """
      FROM region r WHERE <afterCursor> <ofLevel> <withinParent>
      ORDER BY <keyOrder> LIMIT :limit
      """)
  @AllowUnusedBindings
  List<Counted> apiPage(@Bind("level") String level, @Bind("parent") String parent,
      @Define("ofLevel") String ofLevel, @Define("withinParent") String withinParent,
      @Keyset.Bind Keyset.Position at, @Bind("limit") int limit);

  /** One place with its counts, children counted when they have figures (its page). */
  @SqlQuery("SELECT " + COUNTS + " FROM region r WHERE r.code = :code")
  Optional<Counted> place(@Bind("code") String code);

  /** One place with its counts, every child counted (the API's). */
  @SqlQuery("SELECT " + COUNTS_ALL_CHILDREN + " FROM region r WHERE r.code = :code")
  Optional<Counted> apiPlace(@Bind("code") String code);

  /** How many known places have no figures of their own. */
  @SqlQuery("SELECT count(*) FROM region r WHERE NOT " + HAS_FIGURES)
  long withoutFigures();

  /** The first {@code limit} places directly within {@code code} that have figures, in order. */
  @SqlQuery("""
      SELECT r.code, r.name_en, r.name_zh, r.parent, r.level FROM region r
      WHERE r.parent = :code AND EXISTS (SELECT 1 FROM observation o WHERE o.region = r.code)
      ORDER BY r.id LIMIT :limit
      """)
  List<Region> children(@Bind("code") String code, @Bind("limit") int limit);

  /**
   * The first {@code limit} indicators with figures for the place, in list order (category,
   * code), each with how many figures it has there.
   */
  @SqlQuery("""
      SELECT n.indicator, n.figures FROM (
        SELECT o.indicator, count(*) AS figures FROM observation o
        WHERE o.region = :code GROUP BY o.indicator) n
      JOIN indicator i ON i.code = n.indicator JOIN category c ON c.code = i.category
      ORDER BY c.id, i.code LIMIT :limit
      """)
  List<IndicatorFigures> indicators(@Bind("code") String code, @Bind("limit") int limit);

  /**
   * The place's latest headline figure of an indicator: an actual before a projection of a later
   * period, a projection only when no actual exists.
   */
  @SqlQuery("""
      SELECT o.id, o.indicator, o.region, o.period, o.value, o.qualifier, o.source,
             o.headline, o.note, o.break_before, o.doubtful, o.note_zh, o.recorded_at, o.import_id
      FROM observation o
      WHERE o.indicator = :indicator AND o.region = :code AND o.headline = 1
      ORDER BY o.qualifier IN ('forecast', 'target'), o.period_end DESC, o.period_start DESC
      LIMIT 1
      """)
  Optional<Histories.Recorded> latestHeadline(@Bind("code") String code,
      @Bind("indicator") String indicator);

  /**
   * Up to {@code limit} of the place's figures in {@link #FIGURE_ORDER} from {@code at},
   * skipping {@code offset} (HTML pages number their pages).
   */
  @SqlQuery("""
      SELECT o.id, o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline,
             o.note, o.break_before, o.doubtful, o.note_zh, o.recorded_at, o.import_id, <keys>
      FROM observation o JOIN indicator i ON i.code = o.indicator
        JOIN category c ON c.code = i.category
      WHERE o.region = :code AND <afterCursor>
      ORDER BY <keyOrder> LIMIT :limit OFFSET :offset
      """)
  List<Keyset.Keyed<Histories.Recorded>> figures(@Bind("code") String code,
      @Keyset.Bind Keyset.Position at, @Bind("limit") int limit, @Bind("offset") long offset);

  // Rankings: provinces and cities side by side for one indicator in one period.

  /** Forecasts and targets: never ranked. */
  String PROJECTION = "o.qualifier IN ('forecast', 'target')";
  /** A ranked figure with its place (and the place's order, to break ties). */
  String PLACED = """
      o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note,
      o.break_before, o.doubtful, o.note_zh, r.code, r.name_en, r.name_zh, r.parent, r.level, r.id AS place_order
      """;
  /** Headline figures of places of level {@code :level} in exactly the period {@code :p}. */
  String IN_PERIOD = """
      o.indicator = :code AND o.headline = 1 AND o.period_end = :p.endMonth
        AND o.period_start = :p.startMonth AND o.period = :p.code AND r.level = :level
      """;

  /**
   * The latest {@code limit} periods with headline figures for places of {@code level}, newest
   * first, each with how many places have an actual and how many a projection, walking
   * {@code observation_by_period} down from the newest. Periods with the same months (2024 and
   * 2024-01/2024-12) follow by code, descending too: every key in the index's direction is what
   * lets SQLite stop at the limit instead of grouping all of the indicator's figures first.
   */
  @SqlQuery("SELECT o.period, sum(NOT " + PROJECTION + ") AS actuals, sum(" + PROJECTION + """
      ) AS projections
      FROM observation o JOIN region r ON r.code = o.region
      WHERE o.indicator = :code AND o.headline = 1 AND r.level = :level
      GROUP BY o.period_end, o.period_start, o.period
      ORDER BY o.period_end DESC, o.period_start DESC, o.period DESC LIMIT :limit
      """)
  List<Ranking.PeriodCount> periods(@Bind("code") String code, @Bind("level") String level,
      @Bind("limit") int limit);

  /** How many periods have headline figures for places of {@code level}. */
  @SqlQuery("""
      SELECT count(*) FROM (SELECT 1 FROM observation o JOIN region r ON r.code = o.region
        WHERE o.indicator = :code AND o.headline = 1 AND r.level = :level
        GROUP BY o.period_end, o.period_start, o.period)
      """)
  long periodCount(@Bind("code") String code, @Bind("level") String level);

  /**
   * Places {@code offset} to {@code offset + limit} of the period's actual figures, ranked by
   * their stated value (equal values share a rank: 1, 2, 2, 4), then in the places' order.
   */
  @SqlQuery("SELECT * FROM (SELECT " + PLACED
      + ", RANK() OVER (ORDER BY CAST(o.value AS REAL) DESC) AS rank"
      + " FROM observation o JOIN region r ON r.code = o.region WHERE " + IN_PERIOD
      + " AND NOT " + PROJECTION + ") ORDER BY rank, place_order LIMIT :limit OFFSET :offset")
  List<Ranking.Ranked> ranked(@Bind("code") String code, @BindMethods("p") Period period,
      @Bind("level") String level, @Bind("limit") int limit, @Bind("offset") long offset);

  /** How many places have an actual figure in the period. */
  @SqlQuery("SELECT count(*) FROM observation o JOIN region r ON r.code = o.region WHERE "
      + IN_PERIOD + " AND NOT " + PROJECTION)
  long rankedCount(@Bind("code") String code, @BindMethods("p") Period period,
      @Bind("level") String level);

  /** The first {@code limit} forecasts and targets of the period, in the places' order. */
  @SqlQuery("SELECT " + PLACED + " FROM observation o JOIN region r ON r.code = o.region WHERE "
      + IN_PERIOD + " AND " + PROJECTION + " ORDER BY r.id LIMIT :limit")
  List<Ranking.Placed> projections(@Bind("code") String code, @BindMethods("p") Period period,
      @Bind("level") String level, @Bind("limit") int limit);

  /** How many forecasts and targets the period has. */
  @SqlQuery("SELECT count(*) FROM observation o JOIN region r ON r.code = o.region WHERE "
      + IN_PERIOD + " AND " + PROJECTION)
  long projectionCount(@Bind("code") String code, @BindMethods("p") Period period,
      @Bind("level") String level);

  /** The national (China's) headline figure of the period, never a sum of the places. */
  @SqlQuery("SELECT " + PLACED + """
      FROM observation o JOIN region r ON r.code = o.region
      WHERE o.indicator = :code AND o.region = 'CN' AND o.period = :p.code AND o.headline = 1
      """)
  Optional<Ranking.Placed> national(@Bind("code") String code, @BindMethods("p") Period period);

  /**
   * The latest actual headline figure of each province or municipality, for the {@code places}
   * whose latest figure is the most recent, among figures of periods that end at month
   * {@code since} or later: a walk down {@code observation_by_period} from the newest period that
   * stops at the last place listed (the overview's places card).
   */
  @SqlQuery("SELECT " + PLACED + """
      FROM observation o JOIN region r ON r.code = o.region
      WHERE o.indicator = :code AND o.headline = 1 AND o.period_end >= :since
        AND r.level = 'province' AND o.qualifier NOT IN ('forecast', 'target')
        AND NOT EXISTS (SELECT 1 FROM observation n
          WHERE n.indicator = o.indicator AND n.region = o.region AND n.headline = 1
            AND n.qualifier NOT IN ('forecast', 'target')
            AND (n.period_end > o.period_end
              OR (n.period_end = o.period_end AND n.period_start > o.period_start)))
      ORDER BY o.period_end DESC, o.period_start DESC, r.id
      LIMIT :places
      """)
  List<Latest> latestByProvince(@Bind("code") String code, @Bind("since") int since,
      @Bind("places") int places);
}
