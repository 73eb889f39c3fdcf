package org.aimonitor.updates;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.json.Json;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What one import did to the figures, read a page at a time. The states an import recorded are
 * the figures whose current state it set, and the states it set that a later import replaced
 * (kept as revisions); each is a change when a revision made by the import holds the state
 * before it, else an addition. An import of 40,000 rows is never read whole: pages are bounded,
 * and previews take the first rows in the order they were imported.
 */
public final class FigureChanges {

  /** What a figure said in one state. */
  public record State(BigDecimal value, Qualifier qualifier, boolean headline, String note) {

    static State of(Map<String, String> csv) {
      return new State(new BigDecimal(csv.get("value")), Qualifier.parse(csv.get("qualifier")),
          "1".equals(csv.get("headline")), csv.getOrDefault("note", ""));
    }
  }

  /**
   * A figure an import added or changed: its key, the state the import recorded, the state
   * before it ({@code null} when the import added the figure) and the later import that
   * replaced the recorded state ({@code null} while it is current). {@code key} is its place in
   * {@link #ORDER}, for the API's cursors.
   */
  public record Change(long observationId, String indicator, String region, Period period,
      String source, State after, State before, Long replacedBy, List<Object> key) {

    public boolean added() {
      return before == null;
    }

    /** The figure as the import recorded it. */
    public Observation observation() {
      return new Observation(indicator, region, period, after.value(), after.qualifier(), source,
          after.headline(), after.note());
    }

    Change withBefore(State state) {
      return new Change(observationId, indicator, region, period, source, after, state, replacedBy,
          key);
    }
  }

  /**
   * Changes in page order: by indicator, then place (in regions.csv's order), period and row;
   * every key ascending and the last unique (an import records a figure once), so API cursors
   * can use it.
   */
  public static final Keyset ORDER = new Keyset("u.indicator", "u.region_rank", "u.period_end",
      "u.period_start", "u.obs_id");

  /**
   * The states import {@code :import} recorded: current ones, then replaced ones (revisions the
   * later import kept). {@code %s} narrows both to one indicator, or is empty.
   */
  private static final String RECORDED = """
      SELECT o.id AS obs_id, o.indicator, o.region, r.id AS region_rank, o.period, o.period_end,
             o.period_start, o.source, o.value, o.qualifier, o.headline, o.note,
             NULL AS replaced_by
      FROM observation o JOIN region r ON r.code = o.region
      WHERE o.import_id = :import %1$s
      UNION ALL
      SELECT o.id, o.indicator, o.region, r.id, o.period, o.period_end, o.period_start, o.source,
             json_extract(v.old_values, '$.value'), json_extract(v.old_values, '$.qualifier'),
             CAST(json_extract(v.old_values, '$.headline') AS INTEGER),
             json_extract(v.old_values, '$.note'), v.import_id
      FROM revision v JOIN observation o ON o.id = v.observation_id
      JOIN region r ON r.code = o.region
      WHERE v.old_import_id = :import AND v.table_name = 'observation' %1$s
      """;

  private static final String ONE_INDICATOR = "AND o.indicator = :indicator";

  private FigureChanges() {
  }

  /**
   * Up to {@code limit} changes of the import in {@link #ORDER}, after the cursor {@code after}
   * (null: from the first) and {@code offset} rows; only {@code indicator}'s when it is not null.
   */
  public static List<Change> page(Handle h, long importId, String indicator, List<Object> after,
      int limit, long offset) {
    Query q = h.createQuery("SELECT u.*, " + ORDER.select() + " FROM ("
            + RECORDED.formatted(indicator == null ? "" : ONE_INDICATOR) + ") u WHERE "
            + ORDER.condition(after) + " ORDER BY " + ORDER.orderBy()
            + " LIMIT :limit OFFSET :offset")
        .bind("import", importId).bind("limit", limit).bind("offset", offset);
    if (indicator != null) {
      q.bind("indicator", indicator);
    }
    ORDER.bind(q, after);
    List<Change> rows = q.map((rs, ctx) -> read(rs, List.of(rs.getString("k0"), rs.getLong("k1"),
        rs.getLong("k2"), rs.getLong("k3"), rs.getLong("k4")))).list();
    return withBefore(h, importId, rows);
  }

  /** How many figures the import recorded (only {@code indicator}'s when it is not null). */
  public static long count(Handle h, long importId, String indicator) {
    String narrow = indicator == null ? "" : ONE_INDICATOR;
    Query q = h.createQuery("SELECT (SELECT count(*) FROM observation o WHERE o.import_id = :import "
            + narrow + ") + (SELECT count(*) FROM revision v JOIN observation o"
            + " ON o.id = v.observation_id WHERE v.old_import_id = :import"
            + " AND v.table_name = 'observation' " + narrow + ")")
        .bind("import", importId);
    if (indicator != null) {
      q.bind("indicator", indicator);
    }
    return q.mapTo(Long.class).one();
  }

  /**
   * How many of the figures the import recorded it changed rather than added: the revisions it
   * made (only {@code indicator}'s when it is not null).
   */
  public static long changedCount(Handle h, long importId, String indicator) {
    Query q = h.createQuery("SELECT count(*) FROM revision v"
            + (indicator == null ? "" : " JOIN observation o ON o.id = v.observation_id")
            + " WHERE v.import_id = :import AND v.table_name = 'observation' "
            + (indicator == null ? "" : ONE_INDICATOR))
        .bind("import", importId);
    if (indicator != null) {
      q.bind("indicator", indicator);
    }
    return q.mapTo(Long.class).one();
  }

  /**
   * The first {@code limit} changes of the import in the order it recorded them (current states
   * first), read through the import indexes without sorting the import: what a list of imports
   * previews.
   */
  public static List<Change> preview(Handle h, long importId, String indicator, int limit) {
    String narrow = indicator == null ? "" : ONE_INDICATOR;
    List<Change> rows = new ArrayList<>();
    Query current = h.createQuery("""
            SELECT o.id AS obs_id, o.indicator, o.region, o.period, o.source, o.value,
                   o.qualifier, o.headline, o.note, NULL AS replaced_by
            FROM observation o WHERE o.import_id = :import %s ORDER BY o.id LIMIT :limit
            """.formatted(narrow))
        .bind("import", importId).bind("limit", limit);
    if (indicator != null) {
      current.bind("indicator", indicator);
    }
    rows.addAll(current.map((rs, ctx) -> read(rs, List.of())).list());
    if (rows.size() < limit) {
      Query replaced = h.createQuery("""
              SELECT o.id AS obs_id, o.indicator, o.region, o.period, o.source,
                     json_extract(v.old_values, '$.value') AS value,
                     json_extract(v.old_values, '$.qualifier') AS qualifier,
                     CAST(json_extract(v.old_values, '$.headline') AS INTEGER) AS headline,
                     json_extract(v.old_values, '$.note') AS note, v.import_id AS replaced_by
              FROM revision v JOIN observation o ON o.id = v.observation_id
              WHERE v.old_import_id = :import AND v.table_name = 'observation' %s
              ORDER BY v.id LIMIT :limit
              """.formatted(narrow))
          .bind("import", importId).bind("limit", limit - rows.size());
      if (indicator != null) {
        replaced.bind("indicator", indicator);
      }
      rows.addAll(replaced.map((rs, ctx) -> read(rs, List.of())).list());
    }
    return withBefore(h, importId, rows);
  }

  /**
   * The most recent imports, newest first, that recorded a state of {@code indicator}'s
   * figures: at most {@code limit} ids.
   */
  public static List<Long> importsOf(Handle h, String indicator, int limit) {
    return h.createQuery("""
            SELECT import_id FROM (
              SELECT o.import_id AS import_id FROM observation o
              WHERE o.indicator = :indicator AND o.import_id IS NOT NULL
              UNION
              SELECT v.old_import_id FROM observation o
              JOIN revision v ON v.observation_id = o.id
              WHERE o.indicator = :indicator AND v.old_import_id IS NOT NULL)
            ORDER BY import_id DESC LIMIT :limit
            """)
        .bind("indicator", indicator).bind("limit", limit)
        .mapTo(Long.class).list();
  }

  private static Change read(ResultSet rs, List<Object> key) throws SQLException {
    long replaced = rs.getLong("replaced_by");
    Long replacedBy = rs.wasNull() ? null : replaced;
    return new Change(rs.getLong("obs_id"), rs.getString("indicator"), rs.getString("region"),
        Period.parse(rs.getString("period")), rs.getString("source"),
        new State(new BigDecimal(rs.getString("value")), Qualifier.parse(rs.getString("qualifier")),
            rs.getInt("headline") == 1, rs.getString("note") == null ? "" : rs.getString("note")),
        null, replacedBy, key);
  }

  /**
   * The same changes with the states before the import, read in one query through the
   * revisions of these figures ({@code +import_id} keeps SQLite from reading every revision of
   * the import instead: 40,000 for a large one).
   */
  private static List<Change> withBefore(Handle h, long importId, List<Change> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, State> before = new HashMap<>();
    h.createQuery("""
            SELECT observation_id, old_values FROM revision
            WHERE observation_id IN (<ids>) AND +import_id = :import
            """)
        .bindList("ids", rows.stream().map(Change::observationId).toList())
        .bind("import", importId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), State.of(Json.readMap(rs.getString(2)))))
        .forEach(e -> before.put(e.getKey(), e.getValue()));
    return rows.stream().map(c -> before.containsKey(c.observationId())
        ? c.withBefore(before.get(c.observationId())) : c).toList();
  }
}
