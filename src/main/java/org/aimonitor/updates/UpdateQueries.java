package org.aimonitor.updates;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Period;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the pages, feeds and API answers about imports read of what an import did: the states
 * of figures it recorded (a page at a time, or the first few), how many, the states before it,
 * the imports that changed one indicator, and the rows of the other tables it added or changed.
 * Everything goes through the import indexes, so an import costs its own rows at most.
 *
 * <p>Reads of one indicator's changes add {@link #ONE_INDICATOR} as {@code <oneIndicator>}
 * (the default methods choose), so a read of the whole import keeps its plan.
 */
@RegisterConstructorMapper(UpdateQueries.RecordedState.class)
@RegisterConstructorMapper(UpdateQueries.Before.class)
@RegisterConstructorMapper(UpdateQueries.RowState.class)
public interface UpdateQueries {

  /**
   * Changes in page order: by indicator, then place (in regions.csv's order), period and row;
   * every key ascending and the last unique (an import records a figure once), so API cursors
   * can use it.
   */
  Keyset CHANGE_ORDER = new Keyset("u.indicator", "u.region_rank", "u.period_end",
      "u.period_start", "u.obs_id");

  /** Narrows the reads of what an import recorded to the indicator {@code :indicator}. */
  String ONE_INDICATOR = "AND o.indicator = :indicator";

  /**
   * The states import {@code :import} recorded: current ones, then replaced ones (revisions a
   * later import kept).
   */
  String RECORDED = """
      SELECT o.id AS obs_id, o.indicator, o.region, r.id AS region_rank, o.period, o.period_end,
             o.period_start, o.source, o.value, o.qualifier, o.headline, coalesce(o.note, '') AS note,
             NULL AS replaced_by
      FROM observation o JOIN region r ON r.code = o.region
      WHERE o.import_id = :import <oneIndicator>
      UNION ALL
      SELECT o.id, o.indicator, o.region, r.id, o.period, o.period_end, o.period_start, o.source,
             json_extract(v.old_values, '$.value'), json_extract(v.old_values, '$.qualifier'),
             CAST(json_extract(v.old_values, '$.headline') AS INTEGER),
             coalesce(json_extract(v.old_values, '$.note'), ''), v.import_id
      FROM revision v JOIN observation o ON o.id = v.observation_id
      JOIN region r ON r.code = o.region
      WHERE v.old_import_id = :import AND v.table_name = 'observation' <oneIndicator>
      """;

  /**
   * A state of a figure that an import recorded: the figure's key, what it said, and the later
   * import that replaced it ({@code null} while it is current).
   */
  record RecordedState(long obsId, String indicator, String region, Period period, String source,
      @Nested FigureChanges.State state, Long replacedBy) {
  }

  /** A figure's state before an import changed it, as its revision keeps it (CSV column to text). */
  record Before(long observationId, Map<String, String> oldValues) {
  }

  /**
   * A row of another table that an import recorded: its cells (CSV column to text), its key as
   * the revisions write it, and the later import that replaced that state, if any.
   */
  record RowState(Map<String, String> cells, String rowKey, Long replacedBy) {
  }

  /** {@code <oneIndicator>} for {@code indicator}: nothing when it is null. */
  private static String narrowing(String indicator) {
    return indicator == null ? "" : ONE_INDICATOR;
  }

  /**
   * Up to {@code limit} states the import recorded in {@link #CHANGE_ORDER} from {@code at},
   * skipping {@code offset}; only {@code indicator}'s when it is not null.
   */
  default List<Keyset.Keyed<RecordedState>> recorded(long importId, String indicator,
      Keyset.Position at, int limit, long offset) {
    return recorded(importId, indicator, narrowing(indicator), at, limit, offset);
  }

  @SqlQuery("SELECT u.*, <keys> FROM (" + RECORDED + ") u"
      + " WHERE <afterCursor> ORDER BY <keyOrder> LIMIT :limit OFFSET :offset")
  @AllowUnusedBindings
  List<Keyset.Keyed<RecordedState>> recorded(@Bind("import") long importId,
      @Bind("indicator") String indicator, @Define("oneIndicator") String oneIndicator,
      @Keyset.Bind Keyset.Position at, @Bind("limit") int limit, @Bind("offset") long offset);

  /** How many states the import recorded (only {@code indicator}'s when it is not null). */
  default long recordedCount(long importId, String indicator) {
    return recordedCount(importId, indicator, narrowing(indicator));
  }

  @SqlQuery("""
      SELECT (SELECT count(*) FROM observation o WHERE o.import_id = :import <oneIndicator>)
        + (SELECT count(*) FROM revision v JOIN observation o ON o.id = v.observation_id
           WHERE v.old_import_id = :import AND v.table_name = 'observation' <oneIndicator>)
      """)
  @AllowUnusedBindings
  long recordedCount(@Bind("import") long importId, @Bind("indicator") String indicator,
      @Define("oneIndicator") String oneIndicator);

  /** How many of {@code indicator}'s figures the import changed rather than added. */
  @SqlQuery("""
      SELECT count(*) FROM revision v JOIN observation o ON o.id = v.observation_id
      WHERE v.import_id = :import AND v.table_name = 'observation' AND o.indicator = :indicator
      """)
  long changedCount(@Bind("import") long importId, @Bind("indicator") String indicator);

  /**
   * The first {@code limit} current states the import recorded, in the order it stored them
   * (observation_by_import, no sorting of the import).
   */
  default List<RecordedState> firstCurrent(long importId, String indicator, int limit) {
    return firstCurrent(importId, indicator, narrowing(indicator), limit);
  }

  @SqlQuery("""
      SELECT o.id AS obs_id, o.indicator, o.region, o.period, o.source, o.value,
             o.qualifier, o.headline, coalesce(o.note, '') AS note, NULL AS replaced_by
      FROM observation o WHERE o.import_id = :import <oneIndicator> ORDER BY o.id LIMIT :limit
      """)
  @AllowUnusedBindings
  List<RecordedState> firstCurrent(@Bind("import") long importId,
      @Bind("indicator") String indicator, @Define("oneIndicator") String oneIndicator,
      @Bind("limit") int limit);

  /**
   * The first {@code limit} states the import recorded that a later import replaced, in the
   * order those revisions were made (revision_by_old_import).
   */
  default List<RecordedState> firstReplaced(long importId, String indicator, int limit) {
    return firstReplaced(importId, indicator, narrowing(indicator), limit);
  }

  @SqlQuery("""
      SELECT o.id AS obs_id, o.indicator, o.region, o.period, o.source,
             json_extract(v.old_values, '$.value') AS value,
             json_extract(v.old_values, '$.qualifier') AS qualifier,
             CAST(json_extract(v.old_values, '$.headline') AS INTEGER) AS headline,
             coalesce(json_extract(v.old_values, '$.note'), '') AS note, v.import_id AS replaced_by
      FROM revision v JOIN observation o ON o.id = v.observation_id
      WHERE v.old_import_id = :import AND v.table_name = 'observation' <oneIndicator>
      ORDER BY v.id LIMIT :limit
      """)
  @AllowUnusedBindings
  List<RecordedState> firstReplaced(@Bind("import") long importId,
      @Bind("indicator") String indicator, @Define("oneIndicator") String oneIndicator,
      @Bind("limit") int limit);

  /**
   * The states before the import of these figures, through the revisions of these figures
   * ({@code +import_id} keeps SQLite from reading every revision of the import instead: 40,000
   * for a large one).
   */
  @SqlQuery("""
      SELECT observation_id, old_values FROM revision
      WHERE observation_id IN (<ids>) AND +import_id = :import
      """)
  List<Before> before(@Bind("import") long importId,
      @BindList("ids") Collection<Long> observationIds);

  /**
   * The most recent imports, newest first, that recorded a state of {@code indicator}'s
   * figures: at most {@code limit} ids.
   */
  @SqlQuery("""
      SELECT import_id FROM (
        SELECT o.import_id AS import_id FROM observation o
        WHERE o.indicator = :indicator AND o.import_id IS NOT NULL
        UNION
        SELECT v.old_import_id FROM observation o
        JOIN revision v ON v.observation_id = o.id
        WHERE o.indicator = :indicator AND v.old_import_id IS NOT NULL)
      ORDER BY import_id DESC LIMIT :limit
      """)
  List<Long> importsOf(@Bind("indicator") String indicator, @Bind("limit") int limit);

  /**
   * Figures added or revised after import {@code since}, counted through the import index up
   * to {@code cap}.
   */
  @SqlQuery("""
      SELECT count(*) FROM (SELECT 1 FROM observation WHERE import_id > :since LIMIT :cap)
      """)
  long countSince(@Bind("since") long since, @Bind("cap") int cap);

  /**
   * The first {@code limit} rows of {@code table} that the import recorded as they are now, in
   * the order they were stored: their cells as the CSV files write them, and their key as the
   * importer writes a revision's {@code row_key} (so the two compare as text).
   */
  default List<RowState> rowsRecorded(long importId, CsvTable table, int limit) {
    return rowsRecorded(importId, table.sqlTable(),
        json(table.columns(), c -> "coalesce(CAST(o." + table.sqlColumn(c) + " AS TEXT), '')"),
        json(table.key(), c -> "o." + table.sqlColumn(c)), limit);
  }

  @SqlQuery("""
      SELECT <cells> AS cells, <rowKey> AS row_key, NULL AS replaced_by FROM <table> o
      WHERE o.import_id = :import ORDER BY o.rowid LIMIT :limit
      """)
  List<RowState> rowsRecorded(@Bind("import") long importId, @Define("table") String table,
      @Define("cells") String cells, @Define("rowKey") String rowKey, @Bind("limit") int limit);

  /** A JSON object of {@code columns}, each the SQL {@code value} gives it. */
  private static String json(List<String> columns, Function<String, String> value) {
    return "json_object(" + columns.stream().map(c -> "'" + c + "', " + value.apply(c))
        .collect(Collectors.joining(", ")) + ")";
  }

  /**
   * The first {@code limit} states of {@code table}'s rows that the import recorded and a later
   * import replaced, in the order those revisions were made.
   */
  @SqlQuery("""
      SELECT old_values AS cells, row_key, import_id AS replaced_by FROM revision
      WHERE old_import_id = :import AND table_name = :table ORDER BY id LIMIT :limit
      """)
  List<RowState> rowsReplaced(@Bind("import") long importId, @Bind("table") String table,
      @Bind("limit") int limit);

  /** The states before the import of {@code table}'s rows with these keys (those it changed). */
  @SqlQuery("""
      SELECT row_key, old_values FROM revision
      WHERE table_name = :table AND row_key IN (<keys>) AND +import_id = :import
      """)
  @KeyColumn("row_key")
  @ValueColumn("old_values")
  Map<String, Map<String, String>> rowsBefore(@Bind("import") long importId,
      @Bind("table") String table, @BindList("keys") Collection<String> rowKeys);

  /**
   * The newest import a current figure was added or revised by (0 when there are no figures):
   * one step down {@code observation_by_import}.
   */
  @SqlQuery("SELECT coalesce(max(o.import_id), 0) FROM observation o")
  long lastFigureImport();
}
