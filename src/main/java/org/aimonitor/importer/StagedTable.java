package org.aimonitor.importer;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aimonitor.store.CsvTable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The rows of one table in an import, staged in a temporary table of the import's connection
 * ({@code temp.stage_<table>}: the CSV cells as text, plus where each row came from and what
 * the import decides for it). Checking and applying them is then SQL over the staged rows and
 * the live table, so an import holds no table in memory, however large either is.
 *
 * <p>Every statement is built from {@link CsvTable}'s own names, never from input; values are
 * always bound.
 */
final class StagedTable {

  private static final int BATCH = 1_000;

  final CsvTable table;
  final String name;
  private final Handle handle;
  private PreparedBatch batch;
  private int pending;

  private StagedTable(Handle handle, CsvTable table) {
    this.handle = handle;
    this.table = table;
    this.name = "temp.stage_" + table.sqlTable();
  }

  static StagedTable create(Handle handle, CsvTable table) {
    StagedTable t = new StagedTable(handle, table);
    String columns = table.columns().stream().map(c -> c + " TEXT NOT NULL").collect(Collectors.joining(", "));
    handle.execute("DROP TABLE IF EXISTS " + t.name);
    // seq is the order rows were read in: the order they are inserted, so exports keep it.
    handle.execute("CREATE TEMP TABLE stage_" + table.sqlTable()
        + " (seq INTEGER PRIMARY KEY, file_no INTEGER NOT NULL, line INTEGER NOT NULL,"
        + " invalid INTEGER NOT NULL, kind TEXT, "
        + columns + ")");
    handle.execute("CREATE INDEX temp.stage_" + table.sqlTable() + "_key ON stage_" + table.sqlTable()
        + " (" + String.join(", ", table.key()) + ")");
    return t;
  }

  /** Stages one row; an {@code invalid} one only until its references have been checked. */
  void add(int fileNo, long line, boolean invalid, List<String> values) {
    if (batch == null) {
      batch = handle.prepareBatch("INSERT INTO " + name + " (file_no, line, invalid, "
          + String.join(", ", table.columns()) + ") VALUES (?, ?, ?"
          + ", ?".repeat(table.columns().size()) + ")");
    }
    batch.bind(0, fileNo).bind(1, line).bind(2, invalid ? 1 : 0);
    for (int i = 0; i < values.size(); i++) {
      batch.bind(i + 3, values.get(i));
    }
    batch.add();
    if (++pending >= BATCH) {
      flush();
    }
  }

  void flush() {
    if (pending > 0) {
      batch.execute();
      pending = 0;
    }
  }

  /** Drops the rows found invalid: only valid rows are decided on and written. */
  void dropInvalid() {
    flush();
    handle.execute("DELETE FROM " + name + " WHERE invalid = 1");
  }

  void drop() {
    handle.execute("DROP TABLE IF EXISTS " + name);
  }

  // ---- SQL pieces ----------------------------------------------------------------------------

  /** The live table, aliased {@code o}. */
  String live() {
    return table.sqlTable() + " o";
  }

  /** The staged row {@code s} and the live row {@code o} have the same key. */
  String sameKey() {
    return table.key().stream().map(k -> "o." + table.sqlColumn(k) + " = s." + k)
        .collect(Collectors.joining(" AND "));
  }

  /** The live cell of CSV column {@code column} as the CSV writes it: text, empty for NULL. */
  String asText(String column) {
    return table.column(column).asText("o");
  }

  /**
   * The staged row says the same as the live one: every column equal as text, except an
   * observation's value, which is equal as a number ("508.0" is "508").
   */
  String sameValues() {
    return table.columns().stream().filter(c -> !table.key().contains(c))
        .map(c -> isDecimal(c) ? "aim_decimal(o." + c + ") = aim_decimal(s." + c + ")"
            : asText(c) + " = s." + c)
        .collect(Collectors.joining(" AND "));
  }

  boolean isDecimal(String column) {
    return table.isDecimal(column);
  }

  /** Marks each staged row added, changed or unchanged against the live table. */
  void decide() {
    flush();
    handle.execute("UPDATE " + name + " AS s SET kind = CASE"
        + " WHEN NOT EXISTS (SELECT 1 FROM " + live() + " WHERE " + sameKey() + ") THEN 'added'"
        + " WHEN EXISTS (SELECT 1 FROM " + live() + " WHERE " + sameKey() + " AND " + sameValues()
        + ") THEN 'unchanged' ELSE 'changed' END");
  }

  /**
   * Keeps the live state of each changed row as a revision: its key and its cells as JSON
   * objects of text in CSV column order, and for observations when and by which import that
   * state was recorded and the row it belongs to.
   */
  void keepRevisions(String now, long importId) {
    String key = json(table.key(), c -> "o." + table.sqlColumn(c));
    String old = json(table.columns(), this::asText);
    boolean obs = table == CsvTable.OBSERVATIONS;
    handle.createUpdate("INSERT INTO revision (table_name, row_key, old_values, old_recorded_at,"
            + " old_import_id, replaced_at, import_id, observation_id)"
            + " SELECT :table, " + key + ", " + old + ", o.recorded_at, o.import_id, :now, :import, "
            + (obs ? "o.id" : "NULL")
            + " FROM " + name + " s JOIN " + live() + " ON " + sameKey()
            + " WHERE s.kind = 'changed' ORDER BY s.seq")
        .bind("table", table.sqlTable()).bind("now", now).bind("import", importId)
        .execute();
  }

  /**
   * Replaces changed rows with their staged state. {@code where} narrows the rows (the
   * importer demotes headlines before it promotes others, so the one-headline index never sees
   * two at once).
   */
  void applyChanges(String where, String now, long importId) {
    List<String> set = table.columns().stream().filter(c -> !table.key().contains(c))
        .map(c -> table.sqlColumn(c) + " = " + table.column(c).stored("s"))
        .collect(Collectors.toCollection(java.util.ArrayList::new));
    set.add("recorded_at = :now");
    set.add("import_id = :import");
    handle.createUpdate("UPDATE " + table.sqlTable() + " AS o SET " + String.join(", ", set)
            + " FROM " + name + " AS s WHERE s.kind = 'changed' AND " + sameKey() + " AND " + where)
        .bind("now", now).bind("import", importId)
        .execute();
  }

  /** Inserts the added rows in the order they were read. */
  void insertAdded(String now, long importId) {
    String columns = table.columns().stream().map(table::sqlColumn).collect(Collectors.joining(", "));
    String values = table.model().stream().map(c -> c.stored("s")).collect(Collectors.joining(", "));
    handle.createUpdate("INSERT INTO " + table.sqlTable() + " (" + columns
            + ", recorded_at, import_id) SELECT " + values + ", :now, :import FROM " + name
            + " AS s WHERE s.kind = 'added' ORDER BY s.seq")
        .bind("now", now).bind("import", importId)
        .execute();
  }

  private static String json(List<String> columns, Function<String, String> value) {
    return "json_object(" + columns.stream().map(c -> "'" + c + "', " + value.apply(c))
        .collect(Collectors.joining(", ")) + ")";
  }
}
