package org.aimonitor.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aimonitor.store.Histories;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Region;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The reads of the place pages and of {@code /api/v1/regions}, each returning just what one view
 * shows: a page of places with their counts, one place, its ancestors, a few of its children,
 * its indicators and a page of its figures. Counts go through {@code observation_by_region}, so
 * a place costs what it holds, never what the database holds.
 */
final class Places {

  /** Places in list order: by level from the top, then in their order (regions.csv). */
  static final String LEVEL_RANK = "CASE r.level WHEN 'world' THEN 0 WHEN 'country' THEN 1"
      + " WHEN 'province' THEN 2 ELSE 3 END";

  /** Places in the API's order: as regions.csv lists them (the region table's ids). */
  static final Keyset API_ORDER = new Keyset("r.id");

  /**
   * A place's figures in page order: indicators by category and code, then periods oldest first,
   * the headline first; every key ascending, so the API's cursor can use it too.
   */
  static final Keyset FIGURE_ORDER = new Keyset("c.id", "o.indicator", "o.period_end",
      "o.period_start", "1 - o.headline", "o.id");

  private static final String HAS_FIGURES =
      "EXISTS (SELECT 1 FROM observation o WHERE o.region = r.code)";

  /** A place, its key in {@link #API_ORDER}, and how much it holds. */
  record Counted(long id, Region region, long figures, long indicators, long children) {
  }

  /** A figure of a place as read, with the key of its row in {@link #FIGURE_ORDER}. */
  record Figure(Histories.Recorded recorded, List<Object> key) {
  }

  /** One of a place's indicators: how many figures it has there and its latest headline. */
  record IndicatorCount(String indicator, long figures, Histories.Recorded latest) {
  }

  private Places() {
  }

  private static String counts(String childCondition) {
    return """
        (SELECT count(*) FROM observation o WHERE o.region = r.code) AS figures,
        (SELECT count(DISTINCT o.indicator) FROM observation o WHERE o.region = r.code) AS indicators,
        (SELECT count(*) FROM region c WHERE c.parent = r.code%s) AS children
        """.formatted(childCondition);
  }

  private static final String WITH_FIGURES_CHILD =
      " AND EXISTS (SELECT 1 FROM observation x WHERE x.region = c.code)";

  private static Counted counted(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Counted(rs.getLong("id"), new Region(rs.getString("code"), rs.getString("name_en"),
        rs.getString("name_zh"), rs.getString("parent"), rs.getString("level")),
        rs.getLong("figures"), rs.getLong("indicators"), rs.getLong("children"));
  }

  /** The list's condition: places with figures of their own, of a level, within a parent. */
  private static String where(PlaceFilter filter) {
    return HAS_FIGURES
        + (filter.level() != null ? " AND r.level = :level" : "")
        + (filter.parent() != null ? " AND r.parent = :parent" : "");
  }

  private static Query bind(Query q, PlaceFilter filter) {
    if (filter.level() != null) {
      q.bind("level", filter.level());
    }
    if (filter.parent() != null) {
      q.bind("parent", filter.parent());
    }
    return q;
  }

  /** How many places with figures there are at each level (within the filter's parent). */
  static Map<String, Long> withFiguresByLevel(Handle h, PlaceFilter filter) {
    Map<String, Long> byLevel = new LinkedHashMap<>();
    Region.LEVELS.forEach(l -> byLevel.put(l, 0L));
    bind(h.createQuery("SELECT r.level, count(*) FROM region r WHERE "
        + where(filter.withLevel(null)) + " GROUP BY r.level"), filter.withLevel(null))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> byLevel.put(e.getKey(), e.getValue()));
    return byLevel;
  }

  /**
   * A page of the places with figures under {@code filter}, by level and then in their order,
   * each with its counts; children are counted only when they have figures of their own.
   */
  static List<Counted> withFigures(Handle h, PlaceFilter filter, int limit, long offset) {
    return bind(h.createQuery("SELECT r.id, r.code, r.name_en, r.name_zh, r.parent, r.level, "
            + counts(WITH_FIGURES_CHILD) + " FROM region r WHERE " + where(filter)
            + " ORDER BY " + LEVEL_RANK + ", r.id LIMIT :limit OFFSET :offset"), filter)
        .bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> counted(rs)).list();
  }

  /**
   * Up to {@code limit} known places after the API cursor {@code after}, in their order, with
   * their counts; {@code children} counts every child place.
   */
  static List<Counted> apiPage(Handle h, PlaceFilter filter, List<Object> after, int limit) {
    String condition = (filter.level() != null ? " AND r.level = :level" : "")
        + (filter.parent() != null ? " AND r.parent = :parent" : "");
    Query q = h.createQuery("SELECT r.id, r.code, r.name_en, r.name_zh, r.parent, r.level, " + counts("")
        + " FROM region r WHERE " + API_ORDER.condition(after) + condition
        + " ORDER BY " + API_ORDER.orderBy() + " LIMIT :limit");
    bind(q, filter).bind("limit", limit);
    API_ORDER.bind(q, after);
    return q.map((rs, ctx) -> counted(rs)).list();
  }

  /** One place with its counts (children with figures of their own), if it exists. */
  static Optional<Counted> place(Handle h, String code, boolean childrenWithFigures) {
    return h.createQuery("SELECT r.id, r.code, r.name_en, r.name_zh, r.parent, r.level, "
            + counts(childrenWithFigures ? WITH_FIGURES_CHILD : "") + " FROM region r WHERE r.code = :code")
        .bind("code", code).map((rs, ctx) -> counted(rs)).findOne();
  }

  /** The places above {@code place}, the top first (the world, a country, a province). */
  static List<Region> ancestors(Handle h, Region place) {
    List<Region> up = new ArrayList<>();
    String parent = place.parent();
    // The levels form a tree of at most four (world, country, province, city).
    while (parent != null && up.size() < Region.LEVELS.size()) {
      Optional<Region> r = h.createQuery(
              "SELECT code, name_en, name_zh, parent, level FROM region WHERE code = :code")
          .bind("code", parent).mapTo(Region.class).findOne();
      if (r.isEmpty()) {
        break;
      }
      up.add(0, r.get());
      parent = r.get().parent();
    }
    return up;
  }

  /** The first {@code limit} places directly within {@code code} that have figures, in order. */
  static List<Region> children(Handle h, String code, int limit) {
    return h.createQuery("""
            SELECT r.code, r.name_en, r.name_zh, r.parent, r.level FROM region r
            WHERE r.parent = :code AND EXISTS (SELECT 1 FROM observation o WHERE o.region = r.code)
            ORDER BY r.id LIMIT :limit
            """)
        .bind("code", code).bind("limit", limit).mapTo(Region.class).list();
  }

  /**
   * The first {@code limit} indicators with figures for the place, in list order (category, code),
   * each with how many figures it has there and its latest headline figure (an actual before a
   * projection of a later period only when no actual exists).
   */
  static List<IndicatorCount> indicators(Handle h, String code, int limit) {
    record Count(String indicator, long figures) {
    }
    List<Count> counts = h.createQuery("""
            SELECT n.indicator, n.figures FROM (
              SELECT o.indicator, count(*) AS figures FROM observation o
              WHERE o.region = :code GROUP BY o.indicator) n
            JOIN indicator i ON i.code = n.indicator JOIN category c ON c.code = i.category
            ORDER BY c.id, i.code LIMIT :limit
            """)
        .bind("code", code).bind("limit", limit)
        .map((rs, ctx) -> new Count(rs.getString(1), rs.getLong(2))).list();
    List<IndicatorCount> out = new ArrayList<>();
    for (Count c : counts) {
      Histories.Recorded latest = h.createQuery("""
              SELECT o.id, o.indicator, o.region, o.period, o.value, o.qualifier, o.source,
                     o.headline, o.note, o.recorded_at, o.import_id
              FROM observation o
              WHERE o.indicator = :indicator AND o.region = :code AND o.headline = 1
              ORDER BY o.qualifier IN ('forecast', 'target'), o.period_end DESC, o.period_start DESC
              LIMIT 1
              """)
          .bind("indicator", c.indicator()).bind("code", code)
          .map((rs, ctx) -> Histories.read(rs, c.indicator())).findOne().orElse(null);
      out.add(new IndicatorCount(c.indicator(), c.figures(), latest));
    }
    return out;
  }

  /**
   * The place's figures in {@link #FIGURE_ORDER}: {@code limit} of them after the API cursor
   * {@code after} (null: from the first), skipping {@code offset} (HTML pages number their pages).
   */
  static List<Figure> figures(Handle h, String code, List<Object> after, int limit, long offset) {
    Query q = h.createQuery("SELECT o.id, o.indicator, o.region, o.period, o.value, o.qualifier,"
        + " o.source, o.headline, o.note, o.recorded_at, o.import_id, " + FIGURE_ORDER.select()
        + " FROM observation o JOIN indicator i ON i.code = o.indicator"
        + " JOIN category c ON c.code = i.category"
        + " WHERE o.region = :code AND " + FIGURE_ORDER.condition(after)
        + " ORDER BY " + FIGURE_ORDER.orderBy() + " LIMIT :limit OFFSET :offset");
    q.bind("code", code).bind("limit", limit).bind("offset", offset);
    FIGURE_ORDER.bind(q, after);
    int keys = FIGURE_ORDER.keys().size();
    return q.map((rs, ctx) -> {
      List<Object> key = new ArrayList<>(keys);
      for (int i = 0; i < keys; i++) {
        key.add(rs.getObject("k" + i));
      }
      return new Figure(Histories.read(rs, rs.getString("indicator")), key);
    }).list();
  }

  /** The indicators of these codes, by code. */
  static Map<String, Indicator> indicatorsByCode(Handle h, java.util.Collection<String> codes) {
    Map<String, Indicator> out = new LinkedHashMap<>();
    if (!codes.isEmpty()) {
      h.attach(org.aimonitor.store.DataStore.class).indicators(codes)
          .forEach(i -> out.put(i.code(), i));
    }
    return out;
  }

  /** How many known places have no figures of their own. */
  static long withoutFigures(Handle h) {
    return h.createQuery("SELECT count(*) FROM region r WHERE NOT " + HAS_FIGURES)
        .mapTo(Long.class).one();
  }
}
