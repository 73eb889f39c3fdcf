package org.aimonitor.updates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    UpdateQueries queries = h.attach(UpdateQueries.class);
    // Current rows in the order they were stored, then states a later import replaced.
    List<UpdateQueries.RowState> rows = new ArrayList<>(queries.rowsRecorded(importId, table, limit));
    if (rows.size() < limit) {
      rows.addAll(queries.rowsReplaced(importId, table.sqlTable(), limit - rows.size()));
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    // The states before the import, for the rows it changed (not added).
    Map<String, Map<String, String>> before = queries.rowsBefore(importId, table.sqlTable(),
        rows.stream().map(UpdateQueries.RowState::rowKey).toList());
    return rows.stream()
        .map(r -> new Change(table, r.cells(), before.get(r.rowKey()), r.replacedBy()))
        .toList();
  }
}
