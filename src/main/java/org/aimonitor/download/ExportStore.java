package org.aimonitor.download;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    h.createQuery(sql(table)).map((rs, ctx) -> cells(rs, columns)).forEach(sink::accept);
  }

  /**
   * As {@link #forEach}, each cell as the database holds it, for a workbook: a {@link Long} for
   * an INTEGER column (whatever columns are added, they keep their SQL type), a
   * {@link java.math.BigDecimal} for a column the table declares decimal, else its text ("" for
   * none).
   */
  public static void forEachCell(Handle h, CsvTable table, java.util.function.Consumer<List<Object>> sink) {
    List<String> names = table.columns();
    h.createQuery(sql(table)).map((rs, ctx) -> {
      List<Object> row = new ArrayList<>(names.size());
      for (int i = 1; i <= names.size(); i++) {
        Object cell = rs.getObject(i);
        if (cell instanceof Integer || cell instanceof Long) {
          row.add(((Number) cell).longValue());
        } else if (cell != null && table.isDecimal(names.get(i - 1))) {
          row.add(new java.math.BigDecimal(cell.toString()));
        } else {
          row.add(cell == null ? "" : cell.toString());
        }
      }
      return row;
    }).forEach(sink);
  }

  private static String sql(CsvTable table) {
    return switch (table) {
      case LANGUAGES, CATEGORIES -> "SELECT code, name_en, name_zh FROM " + table.sqlTable() + " ORDER BY id";
      case UNITS -> """
          SELECT code, name_en, name_zh, format_en, format_zh, zh_exponent, zh_magnitudes
          FROM unit
          ORDER BY id
          """;
      case REGIONS -> """
          SELECT code, name_en, name_zh, coalesce(parent, ''), level
          FROM region
          ORDER BY id
          """;
      case ALIASES -> "SELECT alias, region, note FROM alias ORDER BY id";
      case SOURCES -> """
          SELECT id, publisher, title, url, coalesce(published_on, ''), language, reliability, note
          FROM source
          ORDER BY rowid
          """;
      case INDICATORS -> """
          SELECT code, category, name_en, name_zh, unit, unit_en, unit_zh, decimals,
                 definition_en, definition_zh, measure
          FROM indicator
          ORDER BY rowid
          """;
      case OBSERVATIONS -> """
          SELECT indicator, region, period, value, qualifier, source, headline, note,
                 break_before, doubtful, note_zh
          FROM observation
          ORDER BY id
          """;
      case EVENTS -> """
          SELECT date, category, title_en, title_zh, description_en, description_zh, source
          FROM event
          ORDER BY id
          """;
      case SCHEDULES -> """
          SELECT series, publisher, name_en, name_zh, indicators, cadence, release_months,
                 coalesce(lag_months, ''), coalesce(grace_months, ''), basis, basis_url, evidence, note
          FROM schedule
          ORDER BY id
          """;
    };
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
