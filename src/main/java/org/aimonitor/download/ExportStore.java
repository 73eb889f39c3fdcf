package org.aimonitor.download;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.store.Column;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;
import org.aimonitor.store.Observation;
import org.jdbi.v3.core.Handle;

/**
 * Reads whole tables as the text they were stored as, in the order they were imported, one
 * row at a time for the CSV exports (nothing is held); and takes consistent copies of the
 * database file.
 */
public final class ExportStore {

  private final Database db;

  public ExportStore(Database db) {
    this.db = db;
  }

  /**
   * Every row of {@code table} to {@code sink}, cells in the table's CSV column order, in the
   * caller's transaction. Rows come in insertion order (rowid), which is the order of the
   * imported file, so an export of the seeded database is the seed file again.
   */
  public static void forEach(Handle h, CsvTable table, CsvExport.RowSink sink) {
    int columns = table.columns().size();
    h.createQuery(table.exportQuery()).map((rs, ctx) -> cells(rs, columns)).forEach(sink::accept);
  }

  /**
   * As {@link #forEach}, each cell typed as its column declares, for a workbook: a {@link Long}
   * for an INTEGER column, a {@link java.math.BigDecimal} for a DECIMAL one, else its text; an
   * empty cell is "" whatever the type.
   */
  public static void forEachCell(Handle h, CsvTable table, java.util.function.Consumer<List<Object>> sink) {
    List<Column> model = table.model();
    h.createQuery(table.exportQuery()).map((rs, ctx) -> {
      List<Object> row = new ArrayList<>(model.size());
      for (int i = 1; i <= model.size(); i++) {
        String cell = rs.getString(i);
        if (cell == null || cell.isEmpty()) {
          row.add("");
        } else {
          row.add(switch (model.get(i - 1).type()) {
            case INTEGER -> Long.parseLong(cell);
            case DECIMAL -> new java.math.BigDecimal(cell);
            case TEXT -> cell;
          });
        }
      }
      return row;
    }).forEach(sink);
  }

  private static List<String> cells(ResultSet rs, int count) throws SQLException {
    List<String> row = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String cell = rs.getString(i);
      row.add(cell == null ? "" : cell);
    }
    return row;
  }

  /** An observation as a row of observations.csv: the stored text of every cell. */
  public static List<String> row(Observation o) {
    return List.of(o.indicator(), o.region(), o.period().code(), o.value().toPlainString(),
        o.qualifier().code(), o.source(), o.headline() ? "1" : "0", o.note(),
        o.breakBefore() ? "1" : "0", o.doubtful() ? "1" : "0", o.noteZh());
  }

  /**
   * Writes a consistent copy of the database to {@code target} (which must not exist) with
   * {@code VACUUM INTO}: it reads inside one transaction, so a concurrent import is either
   * wholly in the copy or not at all, unlike a copy of the live file and its WAL.
   */
  public void snapshotTo(Path target) {
    db.jdbi().useHandle(handle -> handle.execute("VACUUM INTO ?", target.toAbsolutePath().toString()));
  }

  /** Roughly the size of a snapshot: the pages in use, without the free ones VACUUM drops. */
  public static long approximateSnapshotBytes(Handle handle) {
    long pageSize = handle.createQuery("PRAGMA page_size").mapTo(Long.class).one();
    long pages = handle.createQuery("PRAGMA page_count").mapTo(Long.class).one();
    long free = handle.createQuery("PRAGMA freelist_count").mapTo(Long.class).one();
    return (pages - free) * pageSize;
  }
}
