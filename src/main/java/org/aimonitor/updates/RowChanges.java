package org.aimonitor.updates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aimonitor.json.Json;
import org.aimonitor.store.CsvTable;
import org.jdbi.v3.core.Handle;

/**
 * What an import did to the tables besides the figures (sources, indicators, events, places,
 * units, categories, languages): the first rows it added or changed in one table, with their
 * cells as the CSV files write them, and the cells before for changed rows. Imports of those
 * tables are mostly small; a large one is counted from the log and listed in part.
 */
public final class RowChanges {

  /**
   * A row an import added or changed: {@code after} holds the cells it recorded (CSV column to
   * text), {@code before} the cells before ({@code null} when added), {@code replacedBy} the later
   * import that replaced the recorded state, if any.
   */
  public record Change(CsvTable table, Map<String, String> after, Map<String, String> before,
      Long replacedBy) {

    public boolean added() {
      return before == null;
    }

    /** The row's key as the CSV files write it: "ecns-2026-03-05", "2025-08-26/AI Plus …". */
    public String key() {
      return table.key().stream().map(after::get).collect(Collectors.joining(" / "));
    }

    /** The columns whose text differs between before and after, in the file's order. */
    public List<String> changedColumns() {
      if (before == null) {
        return List.of();
      }
      return table.columns().stream()
          .filter(c -> !String.valueOf(before.get(c)).equals(String.valueOf(after.get(c))))
          .toList();
    }
  }

  private RowChanges() {
  }

  /** The tables listed here: every importable table but the figures, in dependency order. */
  public static List<CsvTable> tables() {
    return java.util.Arrays.stream(CsvTable.values()).filter(t -> t != CsvTable.OBSERVATIONS).toList();
  }

  /** The first {@code limit} rows of {@code table} that the import added or changed. */
  public static List<Change> of(Handle h, long importId, CsvTable table, int limit) {
    String cells = json(table.columns(), c -> "coalesce(CAST(o." + table.sqlColumn(c) + " AS TEXT), '')");
    // The key as the importer writes a revision's row_key, so the two compare as text.
    String key = json(table.key(), c -> "o." + table.sqlColumn(c));
    record Read(Map<String, String> cells, String rowKey, Long replacedBy) {
    }
    List<Read> rows = new ArrayList<>();
    // Current rows in the order they were stored, then states a later import replaced.
    h.createQuery("SELECT " + cells + " AS cells, " + key + " AS row_key FROM " + table.sqlTable()
            + " o WHERE o.import_id = :import ORDER BY o.rowid LIMIT :limit")
        .bind("import", importId).bind("limit", limit)
        .map((rs, ctx) -> new Read(Json.readMap(rs.getString("cells")), rs.getString("row_key"), null))
        .forEach(rows::add);
    if (rows.size() < limit) {
      h.createQuery("""
              SELECT old_values, row_key, import_id FROM revision
              WHERE old_import_id = :import AND table_name = :table ORDER BY id LIMIT :limit
              """)
          .bind("import", importId).bind("table", table.sqlTable()).bind("limit", limit - rows.size())
          .map((rs, ctx) -> new Read(Json.readMap(rs.getString("old_values")), rs.getString("row_key"),
              rs.getLong("import_id")))
          .forEach(rows::add);
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    // The states before the import, for the rows it changed (not added).
    Map<String, Map<String, String>> before = new HashMap<>();
    h.createQuery("""
            SELECT row_key, old_values FROM revision
            WHERE table_name = :table AND row_key IN (<keys>) AND +import_id = :import
            """)
        .bind("table", table.sqlTable()).bindList("keys", rows.stream().map(Read::rowKey).toList())
        .bind("import", importId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), Json.readMap(rs.getString(2))))
        .forEach(e -> before.put(e.getKey(), e.getValue()));
    return rows.stream()
        .map(r -> new Change(table, r.cells(), before.get(r.rowKey()), r.replacedBy()))
        .toList();
  }

  private static String json(List<String> columns, Function<String, String> value) {
    return "json_object(" + columns.stream().map(c -> "'" + c + "', " + value.apply(c))
        .collect(Collectors.joining(", ")) + ")";
  }
}
