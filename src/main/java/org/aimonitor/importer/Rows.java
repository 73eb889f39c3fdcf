package org.aimonitor.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.aimonitor.store.CsvTable;
import org.aimonitor.web.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Rows as the CSV files write them: maps of column to text, in the file's column order. Reading,
 * comparing and writing them here keeps the importer the same for all four tables. Table and
 * column names come from {@link CsvTable}, never from input; values are always bound.
 */
final class Rows {

  private Rows() {
  }

  /** The cells of a CSV row, by column. */
  static Map<String, String> values(CsvTable table, CsvTable.Row row) {
    Map<String, String> values = new LinkedHashMap<>();
    table.columns().forEach(c -> values.put(c, row.get(c)));
    return values;
  }

  /** The identity of a row as text, e.g. {@code ai_enterprises/CN/2025/ecns-2026-03-05}. */
  static String key(CsvTable table, Map<String, String> values) {
    return table.key().stream().map(values::get).collect(Collectors.joining("/"));
  }

  /** Every row of a table in the database, keyed like {@link #key}, as CSV text. */
  static Map<String, Map<String, String>> current(Handle handle, CsvTable table) {
    String sql = "SELECT " + String.join(", ", table.columns())
        + (table == CsvTable.OBSERVATIONS ? ", recorded_at, import_id" : "")
        + " FROM " + table.sqlTable() + " ORDER BY rowid";
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    handle.createQuery(sql).map((rs, ctx) -> {
      Map<String, String> values = new LinkedHashMap<>();
      int n = rs.getMetaData().getColumnCount();
      for (int i = 1; i <= n; i++) {
        String v = rs.getString(i);
        values.put(rs.getMetaData().getColumnLabel(i), v == null ? "" : v);
      }
      return values;
    }).forEach(v -> rows.put(key(table, v), v));
    return rows;
  }

  /** Whether an imported row says the same as the stored one (values compared as numbers). */
  static boolean same(CsvTable table, Map<String, String> stored, Map<String, String> imported) {
    return diff(table, stored, imported).isEmpty();
  }

  /** "column: old → new" for each column that differs; empty for a new row. */
  static List<String> diff(CsvTable table, Map<String, String> stored, Map<String, String> imported) {
    List<String> fields = new ArrayList<>();
    if (stored == null) {
      return fields;
    }
    for (String c : table.columns()) {
      String a = stored.get(c);
      String b = imported.get(c);
      boolean equal = c.equals("value") && table == CsvTable.OBSERVATIONS
          ? new BigDecimal(a).compareTo(new BigDecimal(b)) == 0
          : Objects.equals(a, b);
      if (!equal) {
        fields.add(c + ": " + (a.isEmpty() ? "(empty)" : a) + " → " + (b.isEmpty() ? "(empty)" : b));
      }
    }
    return fields;
  }

  static void insert(Handle handle, CsvTable table, Map<String, String> values, String now,
      long importId) {
    List<String> columns = new ArrayList<>(table.columns());
    if (table == CsvTable.OBSERVATIONS) {
      columns.add("recorded_at");
      columns.add("import_id");
    }
    String sql = "INSERT INTO " + table.sqlTable() + " (" + String.join(", ", columns) + ") VALUES ("
        + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
    Update update = handle.createUpdate(sql);
    bind(update, table, values);
    if (table == CsvTable.OBSERVATIONS) {
      update.bind("recorded_at", now).bind("import_id", importId);
    }
    update.execute();
  }

  /** Keeps the stored state as a revision, then replaces it with the imported one. */
  static void update(Handle handle, CsvTable table, Map<String, String> stored,
      Map<String, String> values, String now, long importId) {
    Map<String, String> keyValues = new LinkedHashMap<>();
    table.key().forEach(k -> keyValues.put(k, values.get(k)));
    Map<String, String> old = new LinkedHashMap<>();
    table.columns().forEach(c -> old.put(c, stored.get(c)));
    boolean observation = table == CsvTable.OBSERVATIONS;
    handle.createUpdate("""
        INSERT INTO revision (table_name, row_key, old_values, old_recorded_at, old_import_id,
                              replaced_at, import_id)
        VALUES (:table, :key, :old, :recordedAt, :oldImport, :now, :import)
        """)
        .bind("table", table.sqlTable())
        .bind("key", Json.write(keyValues))
        .bind("old", Json.write(old))
        .bind("recordedAt", observation ? blankToNull(stored.get("recorded_at")) : null)
        .bind("oldImport", observation && !stored.get("import_id").isEmpty()
            ? Long.valueOf(stored.get("import_id")) : null)
        .bind("now", now)
        .bind("import", importId)
        .execute();

    List<String> set = table.columns().stream().filter(c -> !table.key().contains(c))
        .map(c -> c + " = :" + c).collect(Collectors.toCollection(ArrayList::new));
    if (observation) {
      set.add("recorded_at = :recorded_at");
      set.add("import_id = :import_id");
    }
    String where = table.key().stream().map(k -> k + " = :" + k).collect(Collectors.joining(" AND "));
    Update update = handle.createUpdate("UPDATE " + table.sqlTable() + " SET "
        + String.join(", ", set) + " WHERE " + where);
    bind(update, table, values);
    if (observation) {
      update.bind("recorded_at", now).bind("import_id", importId);
    }
    update.execute();
  }

  private static void bind(Update update, CsvTable table, Map<String, String> values) {
    for (String c : table.columns()) {
      String v = values.get(c);
      switch (c) {
        case "published_on" -> update.bind(c, blankToNull(v));
        case "decimals" -> update.bind(c, Integer.parseInt(v));
        case "headline" -> update.bind(c, Integer.parseInt(v));
        default -> update.bind(c, v);
      }
    }
  }

  private static String blankToNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}
