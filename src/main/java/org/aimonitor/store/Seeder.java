package org.aimonitor.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Loads the seed dataset shipped in the jar ({@code /seed/*.csv}) into an empty database, all four
 * files in one transaction, so a half-seeded database can never be left behind.
 */
public final class Seeder {

  private Seeder() {
  }

  /** Seeds the database if it holds no data yet; returns whether it did. */
  public static boolean seedIfEmpty(Database db) {
    return db.jdbi().inTransaction(handle -> {
      int rows = handle.createQuery("SELECT (SELECT count(*) FROM source) + (SELECT count(*) FROM indicator)"
          + " + (SELECT count(*) FROM observation) + (SELECT count(*) FROM event)")
          .mapTo(Integer.class).one();
      if (rows > 0) {
        return false;
      }
      for (CsvTable table : CsvTable.values()) {
        try (Reader reader = open("/seed/" + table.fileName())) {
          insert(handle, table, table.read(table.fileName(), reader));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return true;
    });
  }

  private static Reader open(String resource) {
    InputStream in = Seeder.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("seed file " + resource + " is missing from the build");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** Inserts parsed rows of one table; shared by the seeder and (later) the importer. */
  static void insert(Handle handle, CsvTable table, List<CsvTable.Row> rows) {
    String sql = switch (table) {
      case SOURCES -> "INSERT INTO source (id, publisher, title, url, published_on, language, reliability, note)"
          + " VALUES (:id, :publisher, :title, :url, :published_on, :language, :reliability, :note)";
      case INDICATORS -> "INSERT INTO indicator (code, category, name_en, name_zh, unit, unit_en, unit_zh,"
          + " decimals, definition_en, definition_zh) VALUES (:code, :category, :name_en, :name_zh, :unit,"
          + " :unit_en, :unit_zh, :decimals, :definition_en, :definition_zh)";
      case OBSERVATIONS -> "INSERT INTO observation (indicator, region, period, value, qualifier, source,"
          + " headline, note) VALUES (:indicator, :region, :period, :value, :qualifier, :source,"
          + " :headline, :note)";
      case EVENTS -> "INSERT INTO event (date, category, title_en, title_zh, description_en, source)"
          + " VALUES (:date, :category, :title_en, :title_zh, :description_en, :source)";
    };
    PreparedBatch batch = handle.prepareBatch(sql);
    for (CsvTable.Row row : rows) {
      for (String column : table.columns()) {
        batch.bind(column, checked(table, row, column));
      }
      batch.add();
    }
    batch.execute();
  }

  /** The cell as it will be stored, after checking that it parses as its column's type. */
  private static Object checked(CsvTable table, CsvTable.Row row, String column) {
    String text = row.get(column);
    switch (table.name() + "." + column) {
      case "SOURCES.published_on" -> {
        row.convert(column, PartialDate::parseOptional);
        return text.isEmpty() ? null : text;
      }
      case "INDICATORS.decimals" -> {
        return row.convert(column, Integer::parseInt);
      }
      case "OBSERVATIONS.period" -> row.convert(column, Period::parse);
      case "OBSERVATIONS.value" -> row.convert(column, Seeder::decimal);
      case "OBSERVATIONS.qualifier" -> row.convert(column, Qualifier::parse);
      case "OBSERVATIONS.headline" -> {
        return row.convert(column, Seeder::flag);
      }
      case "EVENTS.date" -> row.convert(column, PartialDate::parse);
      default -> { }
    }
    return text;
  }

  static BigDecimal decimal(String text) {
    if (!text.matches("-?\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException("value \"" + text + "\" is not a plain decimal number");
    }
    return new BigDecimal(text);
  }

  static int flag(String text) {
    return switch (text) {
      case "0" -> 0;
      case "1" -> 1;
      default -> throw new IllegalArgumentException("headline \"" + text + "\" is not 0 or 1");
    };
  }
}
