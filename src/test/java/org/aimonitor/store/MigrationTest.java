package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.aimonitor.TestData;
import org.aimonitor.importer.Seeder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases made by earlier releases move to today's schema with nothing lost: a dump of a
 * release 0.1.0 database (seed, two more imports, a revised observation and a revised source)
 * is loaded as that release left it and opened with today's code.
 */
class MigrationTest {

  @TempDir
  Path dir;

  /** Loads {@code resource} (an {@code sqlite3 .dump}) into a new database file. */
  static Path restore(Path dir, String resource) throws IOException, SQLException {
    Path file = dir.resolve("release.db");
    String dump;
    try (InputStream in = MigrationTest.class.getResourceAsStream(resource)) {
      dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      // sqlite-jdbc runs every statement of a script given to executeUpdate.
      s.executeUpdate(dump);
    }
    return file;
  }

  private static List<Map<String, Object>> rows(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list());
  }

  @Test
  void aReleaseZeroOneDatabaseKeepsEveryRowImportAndRevision() throws Exception {
    Path file = restore(dir, "/migration/release-0.1.0.sql");
    Map<String, String> before = contents(file);

    Database db = Database.open(file);

    assertEquals(before, contents(file), "every row as it was, and the data version unmoved");
    assertEquals(146, db.store().observationCount());
    assertEquals(3, rows(db, "SELECT * FROM import_log WHERE reason IS NULL").size(), "no reason was given then");
    // The revised observation's revision now names its row.
    List<Map<String, Object>> linked = rows(db, """
        SELECT o.indicator, o.period, o.source, o.value FROM revision r
        JOIN observation o ON o.id = r.observation_id WHERE r.table_name = 'observation'
        """);
    assertEquals(List.of(Map.of("indicator", "ai_core_industry_scale", "period", "2024",
        "source", "xinhua-2025-10-01", "value", "950")), linked);
  }

  /** Every table's rows as text, in the columns release 0.1.0 had. */
  private static Map<String, String> contents(Path file) throws SQLException {
    Map<String, String> dumps = new java.util.LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      // The log's columns of that release: V7 adds the reason, empty for every import before it.
      dumps.put("import_log", dumpOf(s, "SELECT id, imported_at, who, files, added, changed, unchanged"
          + " FROM import_log ORDER BY rowid"));
      dumps.put("data_version", dumpOf(s, "SELECT * FROM data_version ORDER BY rowid"));
      dumps.put("source", dumpOf(s, "SELECT id, publisher, title, url, published_on, language,"
          + " reliability, note FROM source ORDER BY rowid"));
      dumps.put("event", dumpOf(s, "SELECT id, date, category, title_en, title_zh, description_en,"
          + " source FROM event ORDER BY id"));
      dumps.put("indicator", dumpOf(s, "SELECT code, category, name_en, name_zh, unit, unit_en,"
          + " unit_zh, decimals, definition_en, definition_zh FROM indicator ORDER BY rowid"));
      dumps.put("observation", dumpOf(s, "SELECT id, indicator, region, period, value, qualifier,"
          + " source, headline, note, recorded_at, import_id FROM observation ORDER BY id"));
      dumps.put("revision", dumpOf(s, "SELECT id, table_name, row_key, old_values, old_recorded_at,"
          + " old_import_id, replaced_at, import_id FROM revision ORDER BY id"));
    }
    return dumps;
  }

  @Test
  void periodSortColumnsAgreeWithPeriodForEveryFormat() {
    Database db = Database.open(dir.resolve("m.db"));
    Seeder.seedIfEmpty(db);
    StringBuilder csv = new StringBuilder(TestData.OBSERVATIONS_HEADER);
    for (String code : List.of("1900", "1989-H1", "1989-H2", "1988-Q1", "1988-Q4", "1987-01",
        "1987-12", "1986-01/1986-07", "1985-11/1986-02")) {
      csv.append("ai_enterprises,US,").append(code).append(",1,reported,ecns-2026-03-05,1,\n");
    }
    new org.aimonitor.importer.Importer(db).apply(List.of(new org.aimonitor.importer.ImportFile(
        "periods.csv", csv.toString().getBytes(StandardCharsets.UTF_8))), "test");
    List<Map<String, Object>> periods = rows(db,
        "SELECT DISTINCT period, period_start, period_end FROM observation");
    assertTrue(periods.size() > 30, "the seed's periods and every format above");
    for (Map<String, Object> row : periods) {
      Period p = Period.parse((String) row.get("period"));
      assertEquals(months(p.first()), ((Number) row.get("period_start")).intValue(), p.code());
      assertEquals(months(p.last()), ((Number) row.get("period_end")).intValue(), p.code());
    }
  }

  private static int months(java.time.YearMonth ym) {
    return ym.getYear() * 12 + ym.getMonthValue() - 1;
  }

  private static String dumpOf(Statement s, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (var rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          out.append(rs.getString(i)).append('|');
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
